//! Many requests at once, bounded overall and per host: a worker takes the next item
//! of a host that has a free slot, so one slow host never holds up the others and never
//! sees more than its share.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex};

/// How many requests may be in flight.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    pub total: usize,
    pub per_host: usize,
}

struct State {
    /// Hosts in the order first seen, each with its waiting items.
    queues: Vec<(String, VecDeque<usize>)>,
    active: HashMap<String, usize>,
    /// Where the next search for work starts, so hosts take turns.
    turn: usize,
    left: usize,
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
    let mut queues: Vec<(String, VecDeque<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let host = host_of(item);
        let at = *index.entry(host.clone()).or_insert_with(|| {
            queues.push((host, VecDeque::new()));
            queues.len() - 1
        });
        queues[at].1.push_back(i);
    }
    let state = Mutex::new(State {
        queues,
        active: HashMap::new(),
        turn: 0,
        left: items.len(),
        most: 0,
    });
    let freed = Condvar::new();
    let per_host = bounds.per_host.max(1);
    let workers = bounds.total.max(1).min(items.len().max(1));
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    while let Some((i, host)) = take(&state, &freed, per_host) {
                        let result = f(&items[i]);
                        mine.push((i, result));
                        let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
                        if let Some(n) = st.active.get_mut(&host) {
                            *n -= 1;
                        }
                        drop(st);
                        freed.notify_all();
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    let most = state.into_inner().unwrap_or_else(|e| e.into_inner()).most;
    (done.into_iter().map(|(_, r)| r).collect(), most)
}

/// The next item whose host has a free slot, waiting for one if need be; `None` when
/// every item is taken.
fn take(state: &Mutex<State>, freed: &Condvar, per_host: usize) -> Option<(usize, String)> {
    let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if st.left == 0 {
            return None;
        }
        let n = st.queues.len();
        for k in 0..n {
            let at = (st.turn + k) % n;
            let host = st.queues[at].0.clone();
            let busy = st.active.get(&host).copied().unwrap_or(0);
            if busy >= per_host {
                continue;
            }
            if let Some(i) = st.queues[at].1.pop_front() {
                st.left -= 1;
                st.turn = at + 1;
                st.active.insert(host.clone(), busy + 1);
                st.most = st.most.max(busy + 1);
                return Some((i, host));
            }
        }
        st = freed.wait(st).unwrap_or_else(|e| e.into_inner());
    }
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
