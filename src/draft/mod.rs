//! A new issue's draft: its date and number by the newsletter's rules, the template
//! filled in, and the events of the previous issue that still fall in the new window.
//! Pure: the caller reads the files and writes the result.

pub mod template;

use crate::config::Config;
use crate::events::pipeline::{self, Window};
use crate::events::{WINDOW_DAYS, record};
use crate::issue::Issue;
use jiff::civil::Date;
use jiff::{Span, ToSpan};

/// The template used when the newsletter has no `DRAFT_TEMPLATE`.
pub const BUILTIN_TEMPLATE: &str = include_str!("builtin.md");

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DraftError {
    #[error("the issue date {0} gives no issue number by the reference rule")]
    NoNumber(Date),
    #[error("template {path}: {cause}")]
    Template {
        path: String,
        cause: template::TemplateError,
    },
}

/// How the date was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRule {
    Given,
    /// A week after the latest issue, dated so.
    WeekAfter(Date),
    /// No issue yet: the next issue weekday 4 to 10 days ahead.
    Upcoming,
}

/// How the number was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberRule {
    /// The previous issue's number plus one; it came out exactly a week earlier.
    FollowsPrevious(u32),
    /// From the reference issue, one number a week.
    Reference,
}

/// The new issue's date and number, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub date: Date,
    pub number: u32,
    pub date_rule: DateRule,
    pub number_rule: NumberRule,
}

impl Plan {
    /// A sentence for the editor saying which rules were used.
    pub fn explain(&self, config: &Config) -> String {
        let date = match self.date_rule {
            DateRule::Given => "as given".to_string(),
            DateRule::WeekAfter(prev) => format!("a week after the issue of {prev}"),
            DateRule::Upcoming => {
                format!("the next {} 4 to 10 days ahead", config.newsletter.weekday)
            }
        };
        let number = match self.number_rule {
            NumberRule::FollowsPrevious(n) => format!("issue {n} + 1"),
            NumberRule::Reference => format!(
                "one a week from issue {} of {}",
                config.newsletter.reference_number, config.newsletter.reference_date
            ),
        };
        format!(
            "date {} ({date}), number {} ({number})",
            self.date, self.number
        )
    }
}

/// Chooses the date and number of the issue after `latest` (its date and number).
pub fn plan(
    config: &Config,
    latest: Option<(Date, Option<u32>)>,
    given: Option<Date>,
    today: Date,
) -> Result<Plan, DraftError> {
    let (date, date_rule) = match (given, latest) {
        (Some(d), _) => (d, DateRule::Given),
        (None, Some((prev, _))) => (prev.saturating_add(7.days()), DateRule::WeekAfter(prev)),
        (None, None) => (upcoming(config, today), DateRule::Upcoming),
    };
    let number_rule = match latest {
        Some((prev, Some(n))) if prev.saturating_add(7.days()) == date => {
            NumberRule::FollowsPrevious(n)
        }
        _ => NumberRule::Reference,
    };
    let number = match number_rule {
        NumberRule::FollowsPrevious(n) => n + 1,
        NumberRule::Reference => config.number_for(date).ok_or(DraftError::NoNumber(date))?,
    };
    Ok(Plan {
        date,
        number,
        date_rule,
        number_rule,
    })
}

/// The first issue weekday 4 to 10 days after `today` (TWIR's rule for a first draft).
pub fn upcoming(config: &Config, today: Date) -> Date {
    let want = config.weekday().unwrap_or(jiff::civil::Weekday::Wednesday);
    (4..=10)
        .map(|d| today.saturating_add(Span::new().days(d)))
        .find(|d| d.weekday() == want)
        .unwrap_or_else(|| today.saturating_add(7.days()))
}

/// A filled-in draft and what happened to the previous issue's events.
#[derive(Debug)]
pub struct NewDraft {
    pub text: String,
    /// Events carried over from the previous issue.
    pub carried: usize,
    /// Events of the previous issue left out, with the reason.
    pub dropped: Vec<String>,
    pub warnings: Vec<String>,
}

/// Fills in the template (`(path, text)`, or the built-in one) for `plan`, carrying the
/// previous issue's events that still fall inside the new window.
pub fn render(
    config: &Config,
    plan: &Plan,
    template: Option<(&str, &str)>,
    previous: Option<&Issue>,
) -> Result<NewDraft, DraftError> {
    let window = Window::from_issue_date(plan.date, WINDOW_DAYS);
    let (records, mut warnings) =
        previous.map_or_else(Default::default, |p| record::from_issue(p, &p.name));
    let assembled = pipeline::assemble(records, window, &config.events);
    warnings.extend(assembled.warnings.iter().cloned());
    let list = record::render_list(&assembled.groups, &config.events.hybrid);
    let number = plan.number.to_string();
    let date = plan.date.to_string();
    let end = window.end.to_string();
    let value = |name: &str| -> Option<&str> {
        Some(match name {
            "twir_issue_number" => &number,
            "twir_issue_date" => &date,
            "twir_events_end_date" => &end,
            "twir_events_list" => &list,
            "twir_newsletter_name" => &config.newsletter.name,
            _ => return None,
        })
    };
    let (path, text) = template.unwrap_or(("(built-in)", BUILTIN_TEMPLATE));
    let text = template::substitute(text, value).map_err(|cause| DraftError::Template {
        path: path.to_string(),
        cause,
    })?;
    Ok(NewDraft {
        text,
        carried: assembled.count(),
        dropped: assembled.dropped.into_iter().map(|(_, why)| why).collect(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_and_number_rules() {
        let c = Config::default();
        let today = date(2026, 11, 22);
        let p = plan(&c, Some((date(2023, 12, 27), Some(527))), None, today).unwrap();
        assert_eq!((p.date, p.number), (date(2024, 1, 3), 528));
        assert_eq!(p.number_rule, NumberRule::FollowsPrevious(527));
        // A skipped week: the number comes from the reference.
        let p = plan(
            &c,
            Some((date(2023, 12, 27), Some(527))),
            Some(date(2024, 1, 10)),
            today,
        )
        .unwrap();
        assert_eq!((p.number, p.number_rule), (529, NumberRule::Reference));
        // No issue yet: the Wednesday 4 to 10 days ahead. From Sunday 2026-11-22 the
        // 25th is only 3 days ahead, so it is 2 December; from Saturday the 21st it is 4.
        let p = plan(&c, None, None, today).unwrap();
        assert_eq!(
            (p.date, p.date_rule),
            (date(2026, 12, 2), DateRule::Upcoming)
        );
        let p = plan(&c, None, None, date(2026, 11, 21)).unwrap();
        assert_eq!(p.date, date(2026, 11, 25));
    }

    #[test]
    fn fills_template_and_carries_events() {
        let previous = Issue::from_text(
            "prev.md",
            "Title: T 1\nNumber: 1\nDate: 2024-01-03\n\n## Upcoming Events\n\n\
Rusty Events between 2024-01-03 - 2024-01-31 🦀\n\n### Europe\n\n\
* 2024-01-04 | Paris, FR | [P](https://e.com/p)\n    * [**Old**](https://e.com/old)\n\
* 2024-01-12 | Rome, IT | [R](https://e.com/r)\n    * [**Kept**](https://e.com/kept)\n\n## Jobs\n",
        );
        let c = Config::default();
        let p = plan(
            &c,
            Some((date(2024, 1, 3), Some(1))),
            None,
            date(2024, 1, 5),
        )
        .unwrap();
        let template = "Number: $twir_issue_number\n\nRusty Events between $twir_issue_date - $twir_events_end_date 🦀\n\n$twir_events_list\n\n## Jobs\n";
        let d = render(&c, &p, Some(("T", template)), Some(&previous)).unwrap();
        assert_eq!(
            d.text,
            "Number: 2\n\nRusty Events between 2024-01-10 - 2024-02-07 🦀\n\n### Europe\n\n\
* 2024-01-12 | Rome, IT | [R](https://e.com/r)\n    * [**Kept**](https://e.com/kept)\n\n## Jobs\n"
        );
        assert_eq!(d.carried, 1);
        assert_eq!(d.dropped.len(), 1);
        assert!(
            d.dropped[0].starts_with("prev.md:11: 2024-01-04 is outside"),
            "{:?}",
            d.dropped
        );
        let e = render(&c, &p, Some(("T", "$twir_oops")), None).unwrap_err();
        assert!(e.to_string().contains("unknown placeholder `$twir_oops`"));
    }
}
