import type { ReactNode } from 'react';
import type { KybOwner } from '../api/additions';
import { kycStatusWords } from '../pages/user/kyc';
import { StatusTag } from '../pages/user/parts';
import { ownerName, ownerRoleLabel } from './kyb';

export interface OwnerColumn {
  header: string;
  cell(owner: KybOwner): ReactNode;
}

/** A business case's owners: who, role, share and where their own verification stands; pages add columns. */
export function OwnersTable({ owners, caption, columns = [] }: { owners: readonly KybOwner[]; caption: string; columns?: OwnerColumn[] }) {
  if (owners.length === 0) return <p>No owners are listed.</p>;
  return (
    <div className="table-scroll" role="group" aria-label={`${caption} table`} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Owner</th>
            <th scope="col">Role</th>
            <th scope="col">Share</th>
            <th scope="col">Verification</th>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...owners]
            .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
            .map((owner, i) => {
              const words = kycStatusWords(owner.kyc_status ?? 'pending', owner.kyc_case_id);
              return (
                <tr key={owner.owner_id ?? i}>
                  <th scope="row">{ownerName(owner)}</th>
                  <td>{ownerRoleLabel(owner.role)}</td>
                  <td className="nowrap">{owner.ownership_percent == null ? '—' : `${owner.ownership_percent} %`}</td>
                  <td>
                    <StatusTag tone={words.tone}>{words.label}</StatusTag>
                  </td>
                  {columns.map((column) => (
                    <td key={column.header}>{column.cell(owner)}</td>
                  ))}
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}
