#!/bin/bash
# The container's health check (Dockerfile HEALTHCHECK, docker-compose.yml): readiness on the management port,
# without curl (the JRE image has none), through bash's /dev/tcp.
exec 3<>"/dev/tcp/127.0.0.1/${QUARKUS_MANAGEMENT_PORT:-9000}" || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
[[ $status == *" 200 "* ]]
