{#- Error templates and fingerprints.

    mask_error_text turns a message (or an activity name) into its template: the variable parts
    (timestamps, urls, emails, uuids, paths, hex ids, quoted identifiers, numbers) become
    placeholders (<TS>, <URL>, <EMAIL>, <UUID>, <PATH>, <V>, <N>), lists of them collapse into one, whitespace is collapsed first (so that `.`
    means the same on both engines) and the SQL text that DuckDB and Postgres echo after
    `LINE n:` is dropped, and so are DuckDB's candidate lists, Postgres' key values and the
    names after `with name`. HTTP error statuses (standalone 4xx/5xx numbers) are
    kept: a 404 and a 503 are different errors. Every pattern is in the RE2/ARE common subset. -#}

{% macro mask_error_text(expr) -%}
    {%- set steps = [
        ('[[:space:]]+', ' '),
        ('LINE [0-9]+: .*$', 'LINE <N>: <SQL>'),
        ('(Candidate (bindings|functions)): .*$', '\\1: <LIST>'),
        ('key \\([^)]*\\)=\\([^)]*\\)', 'Key (<V>)=(<V>)'),
        ('with name [^ ]+', 'with name <V>'),
        ('[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}', '<TS>'),
        ('[a-z][a-z0-9+.-]*://[^ <>"\'`]+', '<URL>'),
        ('([a-z]:)?([/\\\\][^ /\\\\:;,"\'`()<>]+){2,}[/\\\\]?', '<PATH>'),
        ('[0-9]{4}-[0-9]{2}-[0-9]{2}([t ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?)?(z|[+-][0-9]{2}:?[0-9]{2})?', '<TS>'),
        ('[0-9]{1,2}:[0-9]{2}:[0-9]{2}([.,][0-9]+)?', '<TS>'),
        ('[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+', '<EMAIL>'),
        ('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '<UUID>'),
        ('0x[0-9a-f]+', '<N>'),
        ('[0-9a-f]{8,}', '<N>'),
        ("'[^' ]*'", "'<V>'"),
        ('"[^" ]*"', '"<V>"'),
        ('`[^` ]*`', '`<V>`'),
        ('[0-9]{4,}', '<N>'),
        ('(^|[^0-9])([0-9]{1,2}|[0-36-9][0-9][0-9])([^0-9]|$)', '\\1<N>\\3'),
        ('(^|[^0-9])([0-9]{1,2}|[0-36-9][0-9][0-9])([^0-9]|$)', '\\1<N>\\3'),
        ('<N>([.,:_-]?<N>)+', '<N>'),
        ('"<V>"(, ?"<V>")+', '"<V>"'),
        ("'<V>'(, ?'<V>')+", "'<V>'"),
        ('<N>(, ?<N>)+', '<N>'),
    ] -%}
    {%- set ns = namespace(sql=expr) -%}
    {%- for pattern, replacement in steps -%}
        {%- set ns.sql = job_insights.regex_replace_all(ns.sql, pattern, replacement) -%}
    {%- endfor -%}
    trim({{ ns.sql }})
{%- endmacro %}


{#- The error group key: hash of exception type, masked activity name and template. -#}
{% macro error_fingerprint(exception_expr, activity_template_expr, template_expr) -%}
    {{ dbt.hash(
        "coalesce(" ~ exception_expr ~ ", '') || '|' || coalesce(" ~ activity_template_expr
        ~ ", '') || '|' || coalesce(" ~ template_expr ~ ", '')"
    ) }}
{%- endmacro %}
