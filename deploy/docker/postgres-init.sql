-- One database per service (each service owns its data; see docs/architecture.md).
create database attest_gateway;
create database attest_compliance;
create database attest_wallet;
create database attest_identity;
create database attest_notification;
create database attest_document;
