# The samgraph API image used by docker-compose.yml (Neo4j runs in its own container).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
COPY cypher ./cypher
RUN pip install --no-cache-dir '.[speedups]'
EXPOSE 8000
CMD ["samgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
