//! Python `string.Template` substitution, as TWIR's `DRAFT_TEMPLATE` is written for it:
//! `$name` and `${name}` are replaced, `$$` is a literal `$`; anything else after a `$`
//! is an error with its place, as is a name the caller does not provide.

/// Why a template cannot be filled in; line and column are 1-based.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("line {line}, column {column}: unknown placeholder `${name}`")]
    Unknown {
        name: String,
        line: usize,
        column: usize,
    },
    #[error("line {line}, column {column}: `$` must be followed by a name, `{{name}}` or `$`")]
    Invalid { line: usize, column: usize },
}

/// Fills in `template`; `value` returns the text for a placeholder name, or `None`
/// when the name is unknown.
pub fn substitute<'a>(
    template: &str,
    value: impl Fn(&str) -> Option<&'a str>,
) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let place = || position(template, template.len() - rest.len() + at);
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
            continue;
        }
        let (name, tail) = match after.strip_prefix('{') {
            Some(braced) => {
                let len = identifier_len(braced);
                match braced[len..].strip_prefix('}') {
                    Some(tail) if len > 0 => (&braced[..len], tail),
                    _ => {
                        let (line, column) = place();
                        return Err(TemplateError::Invalid { line, column });
                    }
                }
            }
            None => {
                let len = identifier_len(after);
                if len == 0 {
                    let (line, column) = place();
                    return Err(TemplateError::Invalid { line, column });
                }
                (&after[..len], &after[len..])
            }
        };
        match value(name) {
            Some(v) => out.push_str(v),
            None => {
                let (line, column) = place();
                return Err(TemplateError::Unknown {
                    name: name.to_string(),
                    line,
                    column,
                });
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    Ok(out)
}

/// Length of the identifier `[_a-zA-Z][_a-zA-Z0-9]*` at the start of `s` (Python's
/// default `idpattern`, ASCII only).
fn identifier_len(s: &str) -> usize {
    let b = s.as_bytes();
    if b.first()
        .is_none_or(|c| !(c.is_ascii_alphabetic() || *c == b'_'))
    {
        return 0;
    }
    b.iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count()
}

fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(offset, |i| offset - i - 1) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<&'static str> {
        match name {
            "twir_issue_number" => Some("528"),
            "twir_issue_date" => Some("2024-01-03"),
            _ => None,
        }
    }

    #[test]
    fn python_template_syntax() {
        assert_eq!(
            substitute(
                "Issue $twir_issue_number, ${twir_issue_date}x costs $$5",
                vars
            )
            .unwrap(),
            "Issue 528, 2024-01-03x costs $5"
        );
        assert_eq!(
            substitute("a\n  $twir_nope here", vars),
            Err(TemplateError::Unknown {
                name: "twir_nope".into(),
                line: 2,
                column: 3
            })
        );
        assert_eq!(
            substitute("price: $5", vars),
            Err(TemplateError::Invalid { line: 1, column: 8 })
        );
        assert!(substitute("${twir_issue_date", vars).is_err());
    }
}
