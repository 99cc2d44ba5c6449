//! Many requests at once, bounded overall and per host. A worker that finishes an item
//! keeps its host's slot for that host's next item, and takes an item of another host
//! with a free slot only when its host has none left; so no worker ever waits: when
//! nothing is free, every pending item belongs to a host whose busy workers will carry it.
//! One slow host never holds up the others and never sees more than its share.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// How many requests may be in flight.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    pub total: usize,
    pub per_host: usize,
}

struct Queue {
    items: VecDeque<usize>,
    active: usize,
}

struct State {
    /// One queue a host, in the order the hosts were first seen.
    queues: Vec<Queue>,
    /// Where the next search for work starts, so hosts take turns.
    turn: usize,
    most: usize,
}

/// Runs `f` on every item, at most `bounds.total` at once and at most `bounds.per_host`
/// at once for the items of one host (`host_of`). Returns the results in the order of
/// `items` and the most items of one host that were ever in flight together.
pub fn run<T: Sync, R: Send>(
    items: &[T],
    bounds: Bounds,
    host_of: impl Fn(&T) -> String,
    f: impl Fn(&T) -> R + Sync,
) -> (Vec<R>, usize) {
    let mut queues: Vec<Queue> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let at = *index.entry(host_of(item)).or_insert_with(|| {
            queues.push(Queue {
                items: VecDeque::new(),
                active: 0,
            });
            queues.len() - 1
        });
        queues[at].items.push_back(i);
    }
    let per_host = bounds.per_host.max(1);
    // More workers than slots would find nothing to do.
    let workers = bounds
        .total
        .min(items.len())
        .min(queues.len() * per_host)
        .max(1);
    let state = Mutex::new(State {
        queues,
        turn: 0,
        most: 0,
    });
    let done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    let mut next = take(&state, None, per_host);
                    while let Some((i, host)) = next {
                        mine.push((i, f(&items[i])));
                        next = take(&state, Some(host), per_host);
                    }
                    mine
                })
            })
            .collect();
        crate::par::in_order(handles)
    });
    let most = state.into_inner().unwrap_or_else(|e| e.into_inner()).most;
    (done.into_iter().map(|(_, r)| r).collect(), most)
}

/// The next item and its host: the next of `held` (the host whose slot the worker holds)
/// if any, else one of a host with a free slot; `None` when there is none.
fn take(state: &Mutex<State>, held: Option<usize>, per_host: usize) -> Option<(usize, usize)> {
    let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(h) = held {
        if let Some(i) = st.queues[h].items.pop_front() {
            return Some((i, h));
        }
        st.queues[h].active -= 1;
    }
    let n = st.queues.len();
    for k in 0..n {
        let h = (st.turn + k) % n;
        let q = &mut st.queues[h];
        if q.active >= per_host {
            continue;
        }
        if let Some(i) = q.items.pop_front() {
            q.active += 1;
            let active = q.active;
            st.turn = h + 1;
            st.most = st.most.max(active);
            return Some((i, h));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn never_more_than_the_bounds() {
        let items: Vec<(usize, usize)> = (0..60).map(|i| (i % 3, i)).collect();
        let in_flight = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let (results, most) = run(
            &items,
            Bounds {
                total: 8,
                per_host: 2,
            },
            |(host, _)| format!("h{host}"),
            |(_, i)| {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(5));
                in_flight.fetch_sub(1, Ordering::SeqCst);
                i * 2
            },
        );
        assert_eq!(results, (0..60).map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(most, 2, "per host");
        // Three hosts, two each: six at most, whatever the total allows.
        assert!(peak.load(Ordering::SeqCst) <= 6);
        assert!(peak.load(Ordering::SeqCst) >= 3, "hosts run side by side");
    }
}
