#!/bin/sh
set -eu
podman run --rm -v $PROJECT:$PROJECT:z -w $PROJECT hermeto fetch-deps --output ./hermeto-output-x86_64 '{"type": "pip", "path": ".", "requirements_files": ["requirements-x86_64.txt"], "requirements_build_files": ["out/requirements-build.txt"], "binary": {"packages": ":all:", "arch": "x86_64", "py_version": 312}}'
podman run --rm -v $PROJECT:$PROJECT:z -w $PROJECT hermeto fetch-deps --output ./hermeto-output-aarch64 '{"type": "pip", "path": ".", "requirements_files": ["requirements-aarch64.txt"], "requirements_build_files": ["out/requirements-build.txt"], "binary": {"packages": ":all:", "arch": "aarch64", "py_version": 312}}'
podman manifest create hermetic-build
podman build -f Containerfile.hermeto --platform linux/amd64 --build-arg TARGETARCH=x86_64 --volume $PROJECT/hermeto-output-x86_64:/tmp/hermeto-output:Z --volume $PROJECT/out/hermeto.env:/tmp/hermeto.env:Z --network none --manifest hermetic-build --tag hermetic-build-x86_64 $PROJECT
podman build -f Containerfile.hermeto --platform linux/arm64 --build-arg TARGETARCH=aarch64 --volume $PROJECT/hermeto-output-aarch64:/tmp/hermeto-output:Z --volume $PROJECT/out/hermeto.env:/tmp/hermeto.env:Z --network none --manifest hermetic-build --tag hermetic-build-aarch64 $PROJECT
