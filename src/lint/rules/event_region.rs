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
    levels: "\
error: an event under a region it does not belong to (a virtual event under a continent,
       a place under another continent)
warning: region headings out of TWIR's order, or one region twice",
    explain: "\
Virtual events go under `### Virtual`; in-person events under the region of their country:
its continent in GeoNames (`UK` and `GB` are Europe, `US` North America, ...) unless
`[events.regions]` in twir.toml files it elsewhere (TWIR files Türkiye, `TR`, under Europe).
A hybrid event is listed twice on purpose, under Virtual and under its continent. The
regions come in one order, each once: Virtual, Africa, Asia, Europe, North America,
Oceania, South America.

Example:
    ### Oceania
    * 2023-04-18 | San Francisco, CA, US | [San Francisco Rust Study Group](https://www.meetup.com/san-francisco-rust-study-group/)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let Some(events) = &issue.events else {
        return;
    };
    regions_in_order(ctx, events.section, out);
    for ev in &events.events {
        let Some(region) = ev.region else {
            continue;
        };
        let Some(settled) = location::check(&ev.location, &ctx.config.events) else {
            continue;
        };
        let loc = settled.location;
        // A bare place under Virtual is a matter of spelling (`event-format`), not region.
        if loc.fits_listing(region) {
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

/// The region headings of the events section, each once and in TWIR's order.
fn regions_in_order(ctx: &Ctx<'_>, section: usize, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let mut last: Option<(Region, usize)> = None;
    for &child in &issue.sections[section].children {
        let Some(region) = Region::from_heading(&issue.sections[child].title) else {
            continue;
        };
        if let Some((prev, prev_at)) = last
            && region <= prev
        {
            let span = |s: usize| issue.headings[issue.sections[s].heading].span;
            let message = if region == prev {
                format!("a second `### {region}` heading")
            } else {
                format!("`### {region}` comes after `### {prev}`")
            };
            out.push(
                Diagnostic::new(LINT.code, span(child), message)
                    .label(span(prev_at), "this region")
                    .help("regions go Virtual, Africa, Asia, Europe, North America, Oceania, South America, each once")
                    .warning(),
            );
        }
        last = Some((region, child));
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

    #[test]
    fn regions_come_in_order_once() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Europe\n* 2024-11-28 | Paris, FR | [P](https://e.com/p)\n\n\
### Virtual\n* 2024-11-28 | Virtual | [V](https://e.com/v)\n\n### Virtual\n* 2024-11-29 | Virtual | [W](https://e.com/w)\n"
        );
        assert_eq!(lines("event-region", &text), [11, 14]);
    }
}
