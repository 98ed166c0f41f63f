# Runtime image of the XTA 2 server. No build stage: build the jar first, then the image.
#
#   mvn -B -DskipTests package
#   docker build -t xtaserver/xta-server:0.1.0-SNAPSHOT .
#
# Layout (the Helm chart in helm/xta-server relies on it):
#   /opt/xta/xta-server.jar   the Spring Boot jar (read-only, owned by root)
#   /opt/xta/config/          defaults of the jar: tls/server.{crt,key}, tls/client-ca.crt, tenants/
#   /opt/xta/data/            writable by uid 10001: tmp/attachments (MTOM buffer), db (embedded trial DB)
# The process runs as uid/gid 10001 and works with a read-only root filesystem as long as /tmp and
# /opt/xta/data are writable volumes (the chart mounts emptyDirs there).
# Ports: 8443 XTA SOAP over HTTPS with client certificates, 8081 health/metrics/audit (plain HTTP).
# Details: docs/operators-guide.md, section "Container image".
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="xta-server" \
      org.opencontainers.image.description="Open-source XTA 2 server for municipal IT service providers"

RUN groupadd --system --gid 10001 xta \
 && useradd --system --uid 10001 --gid 10001 --home-dir /opt/xta --no-create-home --shell /usr/sbin/nologin xta \
 && mkdir -p /opt/xta/config/tls /opt/xta/config/tenants /opt/xta/data/tmp/attachments /opt/xta/data/db \
 && chown -R 10001:10001 /opt/xta/data \
 && chmod 0750 /opt/xta/data

WORKDIR /opt/xta

COPY xta-server/target/xta-server.jar /opt/xta/xta-server.jar

# Heap as a share of the container's memory limit (1 GiB limit -> 512 MiB heap; 256 MiB heap works).
# Leave the rest for metaspace, threads and direct buffers. Stop on OutOfMemoryError so the
# orchestrator restarts the container instead of running on in a broken state.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8443 8081

VOLUME ["/opt/xta/data"]

USER 10001:10001

ENTRYPOINT ["java", "-jar", "/opt/xta/xta-server.jar"]
