"""Write the README's GraphQL examples to operations/readme.graphql, each one named, for codegen.

    python clients/typescript/extract_operations.py [--out PATH] [--check]

The examples are the README's ```graphql blocks, found the way tests/test_readme_examples.py
finds them. Codegen needs named operations: an anonymous one is named after its first root
field in PascalCase (`query { accounts ... }` -> `query Accounts`, typed `AccountsQuery`),
with 2, 3, ... appended when a name repeats; a name written in the README is kept. A block
that does not parse, holds only fragments, reuses a fragment or operation name, or is not
valid against schema.graphql is left out with a comment saying why (the README test reports
broken examples; the types of the others stay usable). Everything else is kept verbatim.
Needs graphql-core (installed with samgraph: run it with the project's venv).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
README = ROOT / "README.md"
SCHEMA = ROOT / "schema.graphql"
OUT = HERE / "operations" / "readme.graphql"
BLOCK = re.compile(r"```graphql\n(.*?)```", re.S)  # as in tests/test_readme_examples.py
HEADER = (
    "# Generated from README.md by clients/typescript/extract_operations.py (`make types`).\n"
    "# Do not edit: change the README's examples and run `make types`.\n"
)


def graphql_blocks(markdown: str) -> list[str]:
    """The text of every ```graphql fenced block, in order."""
    return BLOCK.findall(markdown)


def _root_field_name(operation: OperationDefinitionNode) -> str | None:
    for selection in operation.selection_set.selections:
        if isinstance(selection, FieldNode):
            return selection.name.value
    return None


def _named(block: str, operation: OperationDefinitionNode, name: str) -> str:
    """`block` with `name` written into its anonymous `operation`."""
    assert operation.loc is not None
    start = operation.loc.start
    if block.startswith("{", start):  # the `{ ... }` shorthand is a query
        return f"{block[:start]}query {name} {block[start:]}"
    end = start + len(operation.operation.value)
    return f"{block[:end]} {name}{block[end:]}"


def _skip(number: int, reason: str) -> str:
    first_line = reason.strip().splitlines()[0] if reason.strip() else "no reason given"
    sys.stderr.write(f"extract_operations: README example {number} skipped: {first_line}\n")
    return f"# README example {number}: skipped ({first_line})\n"


def render(blocks: list[str], schema: GraphQLSchema) -> str:
    """The contents of operations/readme.graphql for these README blocks."""
    parts = [HEADER]
    used: set[str] = set()  # operation and fragment names share codegen's type namespace
    for number, block in enumerate(blocks, start=1):
        try:
            document: DocumentNode = parse(block)
        except GraphQLError as error:
            parts.append(_skip(number, f"does not parse: {error.message}"))
            continue
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        fragments = [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)]
        if not operations:
            parts.append(_skip(number, "fragments only"))
            continue
        errors = validate(schema, document)
        if errors:
            parts.append(_skip(number, f"not valid against schema.graphql: {errors[0].message}"))
            continue
        taken = [d.name.value for d in [*operations, *fragments] if d.name is not None]
        clash = sorted(used.intersection(taken))
        if clash:
            parts.append(_skip(number, f"reuses the name {clash[0]}"))
            continue
        used.update(taken)
        text = block
        names = []
        # Validation allows at most one anonymous operation per block (LoneAnonymousOperation).
        for operation in operations:
            if operation.name is None:
                root = _root_field_name(operation)
                base = root[:1].upper() + root[1:] if root else f"Readme{number}"
                name, n = base, 1
                while name in used:
                    n += 1
                    name = f"{base}{n}"
                used.add(name)
                text = _named(text, operation, name)
            else:
                name = operation.name.value
            names.append(f"{operation.operation.value} {name}")
        parts.append(f"# README example {number}: {', '.join(names)}\n{text}")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--readme", type=Path, default=README)
    parser.add_argument("--schema", type=Path, default=SCHEMA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when --out is stale"
    )
    args = parser.parse_args(argv)
    schema = build_schema(args.schema.read_text())
    text = render(graphql_blocks(args.readme.read_text()), schema)
    out: Path = args.out
    if args.check:
        if not out.exists() or out.read_text() != text:
            sys.stderr.write(f"{out} is stale: run `make types` and commit\n")
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists() or out.read_text() != text:
        out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
