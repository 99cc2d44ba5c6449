//! Order-preserving parallel map over a slice on all cores, for the per-file work
//! (parsing, linting, rendering) that dominates every command on a whole archive.

/// `f` applied to every item, on up to `available_parallelism` threads; results come
/// back in the order of `items`.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    map_on(cores, items, f)
}

/// What scoped workers returned as `(index, result)` pairs, sorted by index.
pub fn in_order<T>(
    handles: Vec<std::thread::ScopedJoinHandle<'_, Vec<(usize, T)>>>,
) -> Vec<(usize, T)> {
    let mut done: Vec<(usize, T)> = handles
        .into_iter()
        .flat_map(|h| match h.join() {
            Ok(v) => v,
            // A panic in a worker is a bug; carry it to the caller unchanged.
            Err(e) => std::panic::resume_unwind(e),
        })
        .collect();
    done.sort_by_key(|(i, _)| *i);
    done
}

/// As [`map`] on up to `threads` threads, for work that waits (network) rather than
/// computes.
pub fn map_on<T: Sync, R: Send>(threads: usize, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.min(items.len()).max(1);
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    // Small chunks balance the load: a few issues are ten times longer than the rest.
    let chunk = items.len().div_ceil(threads * 8).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let chunks: Vec<&[T]> = items.chunks(chunk).collect();
    let f = &f;
    let done: Vec<(usize, Vec<R>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(part) = chunks.get(i) else { break };
                        mine.push((i, part.iter().map(f).collect::<Vec<R>>()));
                    }
                    mine
                })
            })
            .collect();
        in_order(handles)
    });
    done.into_iter().flat_map(|(_, v)| v).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let items: Vec<u32> = (0..1000).collect();
        let out = super::map(&items, |x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u32], |x| *x).is_empty());
    }
}
