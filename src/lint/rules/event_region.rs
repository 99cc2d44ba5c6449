//! `event-region`: a virtual event under a continent, or a place under the wrong continent.

use crate::diagnostic::{Diagnostic, Level};
use crate::events::location::Mode;
use crate::events::{Region, location};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "event-region",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "an event stands under the wrong region",
    explain: "\
Virtual events go under `### Virtual`; in-person events under the continent of their
country (`UK` and `GB` are Europe, `US` North America, ...). Events that are both virtual
and in person may stand under either.

Example:
    ### Oceania
    * 2023-04-18 | San Francisco, CA, US | [San Francisco Rust Study Group](https://www.meetup.com/san-francisco-rust-study-group/)",
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let Some(events) = &issue.events else {
        return;
    };
    for ev in &events.events {
        let Some(region) = ev.region else {
            continue;
        };
        let loc = match location::parse(&ev.location) {
            Ok(loc) => loc,
            Err(_) => match location::normalise(&ev.location) {
                Some(loc) => loc,
                None => continue,
            },
        };
        // Until 2022 events under `### Virtual` gave only their city: the heading said
        // they were virtual. That is a matter of spelling (`event-format`), not region.
        if loc.fits(region) || (region == Region::Virtual && loc.mode == Mode::InPerson) {
            continue;
        }
        let Some(home) = loc.home_region() else {
            continue;
        };
        let message = match loc.mode {
            Mode::Virtual => format!("virtual event under `{region}`; it belongs under `Virtual`"),
            _ => format!("`{}` is in {home}, not {region}", ev.location),
        };
        out.push(
            Diagnostic::new(LINT.code, ev.location_span().unwrap_or(ev.span), message)
                .help(format!("move the event under `### {home}`")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_misfiled_events() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Virtual\n* 2024-11-28 | Virtual and In-Person (Seattle, WA, US) | [S](https://e.com/s)\n\n\
### Africa\n* 2024-12-07 | Virtual( Kampala, UG) | [K](https://e.com/k)\n* 2024-12-08 | Kampala, UG | [K](https://e.com/k)\n\n\
### Oceania\n* 2024-12-09 | San Francisco, CA, US | [F](https://e.com/f)\n* 2024-12-09 | Sydney, NSW, AU | [Y](https://e.com/y)\n"
        );
        assert_eq!(lines("event-region", &text), [12, 16]);
    }
}
