# syntax=docker/dockerfile:1
# One recipe for the four services; the SERVICE build argument picks which one goes in the image:
#   docker build --build-arg SERVICE=gateway -t report-platform/gateway .
# docker-compose.yml builds all four from here. The build stage does not use SERVICE, so the
# four images share one build.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# The Maven repository is a cache mount: kept between builds, never part of an image.
# The schemas module's tests run here, the others do not: SchemaCompatibilityTest is the gate
# that fails a build whose events could not be read by, or could not read, a published version.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package \
      -Dtest='org.reportplatform.schemas.**' -Dsurefire.failIfNoSpecifiedTests=false

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN test -n "$SERVICE" \
      || { echo "build with --build-arg SERVICE=content-service|figures-service|render-service|gateway" >&2; exit 1; } \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin report
WORKDIR /app
COPY --from=build /workspace/${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER report
# JVM options come from JAVA_TOOL_OPTIONS (see docker-compose.yml), settings from the environment.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
