//! The domain: feed model, dates, working-day calendar and aggregation. Knows nothing of terminals,
//! HTTP or tokio, so the dashboard and `status` compute every figure the same way.

pub mod aggregate;
pub mod amount;
pub mod breakdown;
pub mod calendar;
pub mod date;
pub mod freshness;
pub mod metric;
pub mod model;
pub mod rejections;
