# CPU image of the callnotes service: API + in-process workers, SQLite by default.
#   docker build -t callnotes .
#   docker run -p 8000:8000 -v callnotes-data:/data callnotes
# Production: set CALLNOTES_DATABASE__URL (PostgreSQL), CALLNOTES_SECURITY__MODE=production and
# CALLNOTES_SECURITY__ENCRYPTION_KEY.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HOME=/data \
    CALLNOTES_DATABASE__URL=sqlite:////data/callnotes.db \
    CALLNOTES_API__STORAGE_DIR=/data/recordings \
    CALLNOTES_ASR__MODEL_CACHE_DIR=/opt/callnotes/models

# webrtcvad (pulled in by resemblyzer) compiles a small C extension.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/callnotes
COPY pyproject.toml README.md ./
COPY callnotes ./callnotes
COPY pipeline ./pipeline
COPY models ./models
COPY api ./api
# Same install as `make setup`. torch is pinned to 2.13.0; pass a CPU wheel index with
# --build-arg PIP_EXTRA_INDEX_URL=... to keep the image small.
ARG PIP_EXTRA_INDEX_URL=
RUN pip install --upgrade pip "setuptools<81" wheel \
    && pip install . \
    && callnotes models prepare

VOLUME /data
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/ready')"
CMD ["callnotes", "serve", "--host", "0.0.0.0", "--port", "8000"]
