package dev.attest.document.rest;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.config.DocumentConfig;
import dev.attest.document.service.Uploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The tus 1.0.0 core protocol over a document declared before ({@code POST /documents/cases/{id}/documents}, which
 * tus' creation extension would otherwise do): {@code HEAD} says how far the upload is, {@code PATCH} appends a chunk
 * at that offset. tus-js-client resumes with it from a stored upload URL. Errors are problem documents.
 */
@Path("/documents/uploads")
@RolesAllowed(Roles.USER)
public class UploadResource {
    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private final Caller caller;
    private final Uploads uploads;
    private final DocumentConfig config;

    UploadResource(Caller caller, Uploads uploads, DocumentConfig config) {
        this.caller = caller;
        this.uploads = uploads;
        this.config = config;
    }

    @OPTIONS
    public Response options() {
        return Response.noContent()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Max-Size", config.uploads().maxBytes())
                .build();
    }

    @HEAD
    @Path("/{document_id}")
    public Response offset(@PathParam("document_id") UUID documentId) {
        Uploads.Offset offset = uploads.offset(caller.orgId(), caller.subject(), documentId);
        return Response.ok()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", offset.offset())
                .header("Upload-Length", offset.length())
                .header("Cache-Control", "no-store")
                .build();
    }

    @PATCH
    @Path("/{document_id}")
    @Consumes(MediaType.WILDCARD)
    public Response append(
            @PathParam("document_id") UUID documentId,
            @HeaderParam("Tus-Resumable") String tusResumable,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Upload-Offset") String uploadOffset,
            InputStream body) {
        if (!TUS_VERSION.equals(tusResumable)) {
            throw new ProblemException(
                    412, "tus-version", "Unsupported tus version", "Tus-Resumable must be " + TUS_VERSION + ".");
        }
        if (contentType == null || !contentType.startsWith(OFFSET_OCTET_STREAM)) {
            throw new ProblemException(
                    415, "upload-content-type", "Unsupported media type", "A chunk is " + OFFSET_OCTET_STREAM + ".");
        }
        long offset;
        try {
            offset = Long.parseLong(uploadOffset == null ? "" : uploadOffset);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("upload-offset", "Upload-Offset must be a non-negative integer.");
        }
        if (offset < 0) {
            throw ProblemException.badRequest("upload-offset", "Upload-Offset must be a non-negative integer.");
        }
        Uploads.Offset now = uploads.append(caller.orgId(), caller.subject(), documentId, offset, read(body));
        return Response.noContent()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", now.offset())
                .build();
    }

    /** The chunk, read to at most the chunk limit (one byte more tells it is too long). */
    private byte[] read(InputStream body) {
        long limit = config.uploads().maxChunkBytes();
        try {
            byte[] chunk = body.readNBytes((int) limit + 1);
            if (chunk.length > limit) {
                throw new ProblemException(
                        413, "chunk-too-large", "Chunk too large", "A chunk is at most " + limit + " bytes.");
            }
            return chunk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
