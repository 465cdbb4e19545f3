//! The knobs the real API lacks: latency and faults, and how to write them as text.
//!
//! A lesson about concurrency needs a slow server (ten requests at 500 ms each take 5 s one
//! after another, 0.5 s together); a lesson about retries needs a server that fails on purpose,
//! the same way every run. These types describe both. [`crate::MockApiBuilder`] and
//! [`crate::ServeOptions`] take them, and the `mock-server` binary builds them from its flags.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use crate::prng::{hash, unit_interval};

/// How long the server waits before each answer.
///
/// Each request waits on its own, without holding up the others, so slow answers overlap:
/// twenty concurrent requests with 300 ms latency all finish after about 300 ms.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Latency {
    /// Answer at once.
    #[default]
    None,
    /// Wait this long before every answer.
    Fixed(Duration),
    /// Wait a different time for each request, drawn uniformly from `min..=max` by the seeded
    /// generator (see [`crate::MockApiBuilder::seed`]): jitter, but the same jitter every run.
    Range {
        /// The shortest wait.
        min: Duration,
        /// The longest wait.
        max: Duration,
    },
}

/// Keeps latency draws apart from fault-share draws for the same seed and request index.
const LATENCY_STREAM: u64 = 1;
/// See [`LATENCY_STREAM`].
const SHARE_STREAM: u64 = 2;
/// See [`LATENCY_STREAM`].
const PATH_SHARE_STREAM: u64 = 3;

impl Latency {
    /// The wait for request number `index` (1-based) on a server seeded with `seed`.
    pub(crate) fn draw(&self, seed: u64, index: u64) -> Duration {
        match *self {
            Latency::None => Duration::ZERO,
            Latency::Fixed(delay) => delay,
            Latency::Range { min, max } => {
                let (low, high) = if min <= max { (min, max) } else { (max, min) };
                let span = u64::try_from((high - low).as_nanos()).unwrap_or(u64::MAX);
                let offset = match span.checked_add(1) {
                    Some(choices) => hash(&[seed, LATENCY_STREAM, index]) % choices,
                    None => hash(&[seed, LATENCY_STREAM, index]),
                };
                low + Duration::from_nanos(offset)
            }
        }
    }
}

/// Reads `"0"`, `"200ms"`, `"1s"`, `"1.5s"` or a range `"100ms..300ms"`.
///
/// A zero duration means [`Latency::None`].
impl FromStr for Latency {
    type Err = String;

    fn from_str(text: &str) -> Result<Latency, String> {
        let text = text.trim();
        if let Some((low, high)) = text.split_once("..") {
            let min = parse_duration(low).map_err(|err| format!("in the range {text:?}: {err}"))?;
            let max =
                parse_duration(high).map_err(|err| format!("in the range {text:?}: {err}"))?;
            if min > max {
                return Err(format!(
                    "the range {text:?} starts after it ends; write the shorter duration first, \
                     such as 100ms..300ms"
                ));
            }
            return Ok(Latency::Range { min, max });
        }
        match parse_duration(text) {
            Ok(Duration::ZERO) => Ok(Latency::None),
            Ok(delay) => Ok(Latency::Fixed(delay)),
            Err(err) => Err(format!("{err}, or a range such as 100ms..300ms")),
        }
    }
}

/// Writes a latency the way [`Latency::from_str`] reads it: `0`, `200ms`, `100ms..300ms`.
impl fmt::Display for Latency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Latency::None => f.write_str("0"),
            Latency::Fixed(delay) => f.write_str(&format_duration(*delay)),
            Latency::Range { min, max } => {
                write!(f, "{}..{}", format_duration(*min), format_duration(*max))
            }
        }
    }
}

/// Reads a duration written the way people write them on a command line: `"250ms"`, `"2s"`,
/// `"1.5s"`, `"0.25s"`, or `"0"`.
///
/// # Errors
/// A message naming the text and the accepted forms, ready to show to a user.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    const ACCEPTED: &str = "write a duration such as 250ms, 2s or 1.5s (or 0)";
    let text = text.trim();
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let (number, nanos_per_unit) = if let Some(number) = text.strip_suffix("ms") {
        (number, 1_000_000u128)
    } else if let Some(number) = text.strip_suffix('s') {
        (number, 1_000_000_000u128)
    } else {
        return Err(format!("{text:?} has no unit; {ACCEPTED}"));
    };
    // Decimal arithmetic by hand rather than through `f64`, so that "0.3s" is exactly 300 ms.
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let all_digits =
        |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    if !all_digits(whole) || !all_digits(fraction) || fraction.len() > 9 {
        return Err(format!("{text:?} is not a duration; {ACCEPTED}"));
    }
    let too_long = || format!("{text:?} is too long a duration; {ACCEPTED}");
    let whole: u128 = whole.parse().map_err(|_| too_long())?;
    let fraction_value: u128 = fraction.parse().map_err(|_| too_long())?;
    let fraction_nanos = fraction_value * nanos_per_unit / 10u128.pow(fraction.len() as u32);
    let nanos = whole
        .checked_mul(nanos_per_unit)
        .and_then(|nanos| nanos.checked_add(fraction_nanos))
        .ok_or_else(too_long)?;
    let secs = u64::try_from(nanos / 1_000_000_000).map_err(|_| too_long())?;
    Ok(Duration::new(secs, (nanos % 1_000_000_000) as u32))
}

/// Writes a duration the way [`parse_duration`] reads it: `0`, `250ms`, `2s`, `1.5s`.
pub fn format_duration(duration: Duration) -> String {
    if duration.is_zero() {
        "0".to_string()
    } else if duration.subsec_nanos() == 0 {
        format!("{}s", duration.as_secs())
    } else if duration.subsec_nanos() % 1_000_000 == 0 && duration < Duration::from_secs(1) {
        format!("{}ms", duration.as_millis())
    } else if duration >= Duration::from_secs(1) {
        format!("{}s", duration.as_secs_f64())
    } else {
        format!("{}ms", duration.as_secs_f64() * 1000.0)
    }
}

/// Makes chosen requests fail: which ones ([`FaultSelect`]) and how ([`FaultEffect`]).
///
/// A server can have several faults; for each request the first one (in the order they were
/// added) that selects it decides the failure.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    /// Which requests fail.
    pub select: FaultSelect,
    /// What the failing requests get.
    pub effect: FaultEffect,
}

/// Which requests a [`Fault`] makes fail.
///
/// `EveryNth` and `Share` number requests from 1 in the order the server receives them, across
/// all routes and methods. That order is only fixed when requests come one at a time: two sent
/// together may arrive either way round, swap numbers, and swap faults with them. Where
/// requests run concurrently and the failures must repeat exactly (a test, a lesson's seeded
/// run), select by what a request *is* instead: `Ids` by the id it names, `SharePerPath` by
/// its path and how many requests for that path came before it.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultSelect {
    /// Requests number N, 2N, 3N, … (`EveryNth(3)`: the 3rd, 6th, 9th…). Must be at least 1.
    EveryNth(u64),
    /// A share of requests, from `0.0` (none) to `1.0` (all), picked by the seeded generator:
    /// which request numbers fail depends only on the seed, so a run whose requests arrive in
    /// the same order can be repeated exactly.
    Share(f64),
    /// Requests about these ids: the `{id}` in `/{resource}/{id}` or `/{resource}/{id}/{child}`,
    /// whatever the resource and method. Useful to show one failure among many successes.
    Ids(Vec<u64>),
    /// A share of each path's requests, from `0.0` (none) to `1.0` (all), picked by the seeded
    /// generator from the path (without its query) and the request's number *among the
    /// requests for that path*: whether the 2nd request for `/posts/7` fails depends on the
    /// seed alone, not on how many requests for other paths arrived before it. A client that
    /// retries each post in turn, eight posts at a time, meets the same failures every run.
    ///
    /// The server keeps a count for every path it has seen, so its memory grows with the
    /// number of distinct paths requested: right for tests and lessons, which ask for a few
    /// hundred, not for a server left open to anyone.
    SharePerPath(f64),
}

/// What fault selection may know about one request: where it came in the arrival order, and
/// what its path names.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Numbered {
    /// Its number among every request the server received, from 1, in arrival order.
    pub(crate) index: u64,
    /// The `{id}` its path names, if any.
    pub(crate) id: Option<u64>,
    /// Its path, hashed, and its number among the requests for that path, from 1. `None` when
    /// no fault selects per path, so that such a server counts nothing per path.
    pub(crate) per_path: Option<(u64, u64)>,
}

/// What a request chosen by a [`Fault`] gets instead of its answer.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultEffect {
    /// This HTTP status (500, 503, …) with the body `{}`.
    Status(u16),
    /// `429 Too Many Requests` with the body `{}` and a `Retry-After` header giving this wait in
    /// whole seconds (rounded up), the header a polite client honours before retrying.
    TooManyRequests {
        /// The wait the server asks for.
        retry_after: Duration,
    },
    /// No answer at all: the server closes the connection, and the client sees an error rather
    /// than a response, like a crashed server or a broken network. It happens at once, without
    /// the latency.
    DropConnection,
}

impl Fault {
    /// Rejects a fault that can never make sense, a bug in the caller rather than a condition to
    /// handle: `EveryNth(0)`, a share (`Share`, `SharePerPath`) outside `0.0..=1.0`, or a
    /// status outside `100..=999`.
    ///
    /// # Panics
    /// On such a fault, with a message naming it.
    pub(crate) fn check(&self) {
        match &self.select {
            FaultSelect::EveryNth(n) => assert!(*n >= 1, "FaultSelect::EveryNth needs N >= 1"),
            FaultSelect::Share(share) => {
                assert!(
                    (0.0..=1.0).contains(share),
                    "FaultSelect::Share needs a share in 0.0..=1.0, got {share}"
                )
            }
            FaultSelect::SharePerPath(share) => {
                assert!(
                    (0.0..=1.0).contains(share),
                    "FaultSelect::SharePerPath needs a share in 0.0..=1.0, got {share}"
                )
            }
            FaultSelect::Ids(_) => {}
        }
        if let FaultEffect::Status(status) = self.effect {
            assert!(
                (100..=999).contains(&status),
                "FaultEffect::Status needs an HTTP status, got {status}"
            );
        }
    }
}

impl FaultSelect {
    /// Whether `request` is selected, for the fault at position `position` on a server seeded
    /// with `seed`.
    pub(crate) fn selects(&self, seed: u64, position: usize, request: Numbered) -> bool {
        // Each fault draws from its own stream, keyed by its position, so two 50% faults are
        // independent.
        let position = position as u64;
        match self {
            FaultSelect::EveryNth(n) => *n > 0 && request.index % n == 0,
            FaultSelect::Share(share) => {
                unit_interval(hash(&[seed, SHARE_STREAM, position, request.index])) < *share
            }
            FaultSelect::Ids(ids) => request.id.is_some_and(|id| ids.contains(&id)),
            // The arrival number plays no part: only the path and its own count do.
            FaultSelect::SharePerPath(share) => request.per_path.is_some_and(|(path, nth)| {
                unit_interval(hash(&[seed, PATH_SHARE_STREAM, position, path, nth])) < *share
            }),
        }
    }

    /// Whether this selection needs each request's number among the requests for its path.
    pub(crate) fn counts_per_path(&self) -> bool {
        matches!(self, FaultSelect::SharePerPath(_))
    }
}

impl FaultEffect {
    /// The `Retry-After` value in whole seconds: HTTP allows no fractions, and rounding down
    /// would ask a client to come back sooner than the server meant.
    pub(crate) fn retry_after_secs(retry_after: Duration) -> u64 {
        retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0)
    }
}

/// `every 3rd request`, `a random 10% of requests`, `requests for ids 3, 7`,
/// `a random 10% of each path's requests`.
impl fmt::Display for FaultSelect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultSelect::EveryNth(1) => f.write_str("every request"),
            FaultSelect::EveryNth(n) => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                write!(f, "every {n}{suffix} request")
            }
            FaultSelect::Share(share) => write!(f, "a random {}% of requests", percent(*share)),
            FaultSelect::Ids(ids) => {
                let plural = if ids.len() == 1 { "" } else { "s" };
                let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
                write!(f, "requests for id{plural} {}", ids.join(", "))
            }
            FaultSelect::SharePerPath(share) => {
                write!(f, "a random {}% of each path's requests", percent(*share))
            }
        }
    }
}

/// A share as a percentage, without the binary fraction's noise: 0.07 is `7`, not
/// `7.000000000000001`.
fn percent(share: f64) -> f64 {
    (share * 100.0 * 1e6).round() / 1e6
}

/// `status 503`, `status 429 with Retry-After: 2`, `a dropped connection`.
impl fmt::Display for FaultEffect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultEffect::Status(status) => write!(f, "status {status}"),
            FaultEffect::TooManyRequests { retry_after } => {
                write!(
                    f,
                    "status 429 with Retry-After: {}",
                    FaultEffect::retry_after_secs(*retry_after)
                )
            }
            FaultEffect::DropConnection => f.write_str("a dropped connection"),
        }
    }
}

/// `every 3rd request: status 503`.
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.select, self.effect)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_read_in_milliseconds_and_seconds() {
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("0.3s"), Ok(Duration::from_millis(300)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("0ms"), Ok(Duration::ZERO));
    }

    #[test]
    fn a_bad_duration_says_what_is_accepted() {
        for bad in ["", "200", "fast", "-1s", "1.s", "1.5.2s", "3m", "ms"] {
            let err = parse_duration(bad).unwrap_err();
            assert!(err.contains("250ms, 2s or 1.5s"), "{bad:?} gave {err:?}");
        }
    }

    #[test]
    fn latency_reads_none_fixed_and_ranges() {
        assert_eq!("0".parse(), Ok(Latency::None));
        assert_eq!(
            "200ms".parse(),
            Ok(Latency::Fixed(Duration::from_millis(200)))
        );
        assert_eq!("1s".parse(), Ok(Latency::Fixed(Duration::from_secs(1))));
        assert_eq!(
            "1.5s".parse(),
            Ok(Latency::Fixed(Duration::from_millis(1500)))
        );
        assert_eq!(
            "100ms..300ms".parse(),
            Ok(Latency::Range {
                min: Duration::from_millis(100),
                max: Duration::from_millis(300)
            })
        );
    }

    #[test]
    fn a_bad_latency_says_what_is_accepted() {
        let err = "soon".parse::<Latency>().unwrap_err();
        assert!(err.contains("200ms") || err.contains("250ms"), "{err}");
        assert!(err.contains("100ms..300ms"), "{err}");
        let err = "300ms..100ms".parse::<Latency>().unwrap_err();
        assert!(err.contains("shorter duration first"), "{err}");
    }

    #[test]
    fn latency_is_written_the_way_it_is_read() {
        for text in ["0", "200ms", "1s", "1.5s", "100ms..300ms"] {
            let latency: Latency = text.parse().unwrap();
            assert_eq!(latency.to_string(), text);
        }
    }

    #[test]
    fn ranged_latency_stays_in_range_and_depends_only_on_seed_and_index() {
        let range = Latency::Range {
            min: Duration::from_millis(10),
            max: Duration::from_millis(20),
        };
        let draws: Vec<Duration> = (1..=200).map(|index| range.draw(42, index)).collect();
        assert!(
            draws
                .iter()
                .all(|d| (Duration::from_millis(10)..=Duration::from_millis(20)).contains(d))
        );
        assert!(
            draws.windows(2).any(|pair| pair[0] != pair[1]),
            "a range gives varied delays"
        );
        let again: Vec<Duration> = (1..=200).map(|index| range.draw(42, index)).collect();
        assert_eq!(draws, again);
        let other_seed: Vec<Duration> = (1..=200).map(|index| range.draw(43, index)).collect();
        assert_ne!(draws, other_seed);
    }

    #[test]
    fn faults_describe_themselves_in_words() {
        let fault = Fault {
            select: FaultSelect::EveryNth(3),
            effect: FaultEffect::Status(503),
        };
        assert_eq!(fault.to_string(), "every 3rd request: status 503");
        let fault = Fault {
            select: FaultSelect::Ids(vec![3, 7]),
            effect: FaultEffect::TooManyRequests {
                retry_after: Duration::from_millis(1500),
            },
        };
        assert_eq!(
            fault.to_string(),
            "requests for ids 3, 7: status 429 with Retry-After: 2"
        );
        assert_eq!(FaultSelect::EveryNth(12).to_string(), "every 12th request");
        assert_eq!(FaultSelect::EveryNth(22).to_string(), "every 22nd request");
        assert_eq!(
            FaultSelect::SharePerPath(0.3).to_string(),
            "a random 30% of each path's requests"
        );
        // 0.07 × 100 is 7.000000000000001 in binary floating point: not shown as such.
        assert_eq!(
            FaultSelect::Share(0.07).to_string(),
            "a random 7% of requests"
        );
        assert_eq!(
            FaultSelect::Share(0.125).to_string(),
            "a random 12.5% of requests"
        );
    }
}
