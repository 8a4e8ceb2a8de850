//! Trend widgets drawn into buffers: what the charts show, checked cell by cell.
