//! A stable merge sort that can stop after any number of steps and go on later: the sort of a
//! list of 333,333 signings takes about 0.4 s, so it runs in slices between key presses rather
//! than in one piece on the input path. Knows nothing of what it sorts: the comparison is
//! handed in at every slice.

use std::cmp::Ordering;

/// Rows sorted in one piece before the merging starts (short runs: insertion-sorted by the
/// standard library's stable sort).
const RUN: usize = 32;

/// A sort under way. Bottom-up: runs of [`RUN`] rows are sorted, then pairs of sorted runs
/// are merged, doubling the width until one run is left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeSort {
    /// The rows; sorted runs of `width` rows each.
    runs: Vec<usize>,
    /// Where a merge pass writes.
    merged: Vec<usize>,
    /// How many rows are in sorted runs of [`RUN`] (the first phase).
    runs_sorted: usize,
    /// The width of the sorted runs being merged in pairs.
    width: usize,
    /// The pair being merged: where it starts, and the cursors in its halves and the output.
    start: usize,
    left: usize,
    right: usize,
    out: usize,
}

impl MergeSort {
    pub fn new(rows: Vec<usize>) -> MergeSort {
        MergeSort {
            merged: vec![0; rows.len()],
            runs: rows,
            runs_sorted: 0,
            width: RUN,
            start: 0,
            left: 0,
            right: 0,
            out: 0,
        }
    }

    /// Sorts on for about `budget` row moves with `compare` (which must not change between
    /// slices of one sort). Returns the sorted rows once done; the budget left is kept in
    /// `budget`.
    pub fn advance(
        &mut self,
        budget: &mut usize,
        compare: impl Fn(usize, usize) -> Ordering,
    ) -> Option<Vec<usize>> {
        let len = self.runs.len();
        while self.runs_sorted < len {
            if *budget == 0 {
                return None;
            }
            let end = self.runs_sorted.saturating_add(RUN).min(len);
            self.runs[self.runs_sorted..end].sort_by(|&a, &b| compare(a, b));
            // Sorting a short run costs a few moves per row.
            *budget = budget.saturating_sub((end - self.runs_sorted) * 4);
            self.runs_sorted = end;
            self.begin_pair(0);
        }
        while self.width < len {
            while self.start < len {
                if !self.merge_pair(budget, &compare) {
                    return None;
                }
                self.begin_pair(self.start.saturating_add(self.width.saturating_mul(2)));
            }
            std::mem::swap(&mut self.runs, &mut self.merged);
            self.width = self.width.saturating_mul(2);
            self.begin_pair(0);
        }
        self.merged = Vec::new();
        Some(std::mem::take(&mut self.runs))
    }

    fn begin_pair(&mut self, start: usize) {
        self.start = start;
        self.left = start;
        self.right = start.saturating_add(self.width).min(self.runs.len());
        self.out = start;
    }

    /// Merges the pair at `start` on; true once it is wholly in `merged`.
    fn merge_pair(
        &mut self,
        budget: &mut usize,
        compare: &impl Fn(usize, usize) -> Ordering,
    ) -> bool {
        let len = self.runs.len();
        let middle = self.start.saturating_add(self.width).min(len);
        let end = middle.saturating_add(self.width).min(len);
        let in_order = |runs: &[usize]| {
            middle == end || compare(runs[middle], runs[middle - 1]) != Ordering::Less
        };
        if self.out == self.start && in_order(&self.runs) {
            // Halves already in order (a list sorted again by a column it nearly follows, as
            // the date after the aggregation's newest-first): copied, a fraction of a merge.
            self.merged[self.start..end].copy_from_slice(&self.runs[self.start..end]);
            *budget = budget.saturating_sub((end - self.start) / 16);
            self.out = end;
            return true;
        }
        while self.out < end {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            // Stable: the right half's row goes first only when strictly smaller.
            let take_right = self.left >= middle
                || (self.right < end
                    && compare(self.runs[self.right], self.runs[self.left]) == Ordering::Less);
            if take_right {
                self.merged[self.out] = self.runs[self.right];
                self.right += 1;
            } else {
                self.merged[self.out] = self.runs[self.left];
                self.left += 1;
            }
            self.out += 1;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts to the end in slices of `slice` moves, counting the slices.
    fn sort_in_slices(rows: Vec<usize>, slice: usize, key: &[u8]) -> (Vec<usize>, usize) {
        let mut sort = MergeSort::new(rows);
        let mut slices = 0;
        loop {
            slices += 1;
            let mut budget = slice;
            if let Some(sorted) = sort.advance(&mut budget, |a, b| key[a].cmp(&key[b])) {
                return (sorted, slices);
            }
        }
    }

    #[test]
    fn a_large_sort_takes_many_bounded_slices() {
        let key: Vec<u8> = (0..10_000_u32).map(|i| (i * 7919 % 251) as u8).collect();
        let (sorted, slices) = sort_in_slices((0..key.len()).collect(), 1_000, &key);
        assert!(slices > 100, "{slices} slices");
        let mut expected: Vec<usize> = (0..key.len()).collect();
        expected.sort_by_key(|&i| key[i]);
        assert_eq!(sorted, expected);
    }

    proptest::proptest! {
        /// Whatever the slice size, the rows come out as the standard library's stable sort
        /// orders them (ties keep their order).
        #[test]
        fn sliced_sort_is_the_stable_sort(
            key in proptest::collection::vec(0_u8..8, 0..300),
            slice in 1_usize..200,
        ) {
            let rows: Vec<usize> = (0..key.len()).rev().collect();
            let mut expected = rows.clone();
            expected.sort_by_key(|&i| key[i]);
            let (sorted, _) = sort_in_slices(rows, slice, &key);
            proptest::prop_assert_eq!(sorted, expected);
        }
    }
}
