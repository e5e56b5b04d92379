# Yishi container image: a static Go binary on distroless, running as the
# non-root user 65532. Data (the default SQLite database) lives in /data;
# point YISHI_DATABASE_URL at PostgreSQL for production.
#
#   docker build -t yishi .
#   docker run -p 8080:8080 -v yishi-data:/data yishi
#   docker run --rm -e YISHI_DATABASE_URL=postgres://... yishi migrate

FROM golang:1.26-bookworm AS build
WORKDIR /src
# The official image pins GOTOOLCHAIN=local; allow fetching the exact
# toolchain go.mod asks for if the tag is older than it.
ENV GOTOOLCHAIN=auto

# Dependencies change less often than code: cache them in their own layer.
COPY go.mod go.sum ./
RUN go mod download

COPY . .
ARG VERSION=dev
# The build cache mount (BuildKit, the default builder) speeds up rebuilds;
# it is not part of any layer.
RUN --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/yishi ./cmd/yishi

# The runtime image has no shell, so the data directory is prepared here
# with the non-root owner; a named volume mounted on /data inherits it.
RUN mkdir -p /data && chown 65532:65532 /data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/yishi /yishi
COPY --from=build --chown=65532:65532 /data /data
USER nonroot:nonroot
ENV YISHI_ADDR=:8080 \
    YISHI_DATA_DIR=/data \
    YISHI_DATABASE_URL=sqlite:///data/yishi.db
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["/yishi"]
CMD ["serve"]
