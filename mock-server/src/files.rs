//! The course's own route, not part of JSONPlaceholder: `GET /files/{size}`, a file of `size`
//! bytes to download, for the lessons on streaming bodies.
//!
//! JSONPlaceholder's answers are a few kilobytes at most, too small to show what streaming is
//! for: a body larger than memory, a progress bar, a download that breaks off and resumes. This
//! route serves a file of any size up to [`MAX_FILE_SIZE`] without holding it: its bytes are
//! made on the fly from their offsets ([`file_bytes`]), so a slice of it is the same whether it
//! comes alone or inside the whole, and a program can check what it received without keeping
//! a copy.
//!
//! It answers as a file server does:
//! - `200` with the whole file, `Content-Type: application/octet-stream`, its `Content-Length`,
//!   `Accept-Ranges: bytes` and an `ETag` (the file of a size never changes, so the tag is its
//!   size);
//! - to `Range: bytes=START-`, `bytes=START-END` or `bytes=-LAST` (one range): `206 Partial
//!   Content` with that slice and `Content-Range: bytes START-END/SIZE`; a range that starts past
//!   the end: `416 Range Not Satisfiable` with `Content-Range: bytes */SIZE`; a header it cannot
//!   read, or several ranges: the whole file with `200`, as HTTP allows;
//! - with `If-Range` beside the `Range`: the slice only if the tag is this file's, else the whole
//!   file with `200`, which is how a client learns that the file changed and it must start again;
//! - a size that is not a whole number, or is past [`MAX_FILE_SIZE`]: `404` with `{}`, as any
//!   unknown path.
//!
//! The hyper front end (the `mock-server` binary, the lessons) sends the body in pieces of
//! [`PIECE`] bytes and applies the latency knob before *each* piece, so a slow server is a slow
//! download and a progress bar has something to show. The wiremock front end sends the body
//! whole, after one latency, as it sends everything.

use std::ops::Range;

use wiremock::Request;

/// The largest file the route serves: 1 TiB. Made on the fly, a file costs no memory, only the
/// time to send it.
pub const MAX_FILE_SIZE: u64 = 1 << 40;

/// How many bytes the hyper front end sends at a time, with the latency before each piece.
pub const PIECE: usize = 64 * 1024;

/// The bytes at `range` of every file the route serves. The byte at an offset is the same in
/// every file, so a file of 100 bytes is the first 100 bytes of any larger one.
///
/// ```
/// let whole = mock_server::file_bytes(0..1000);
/// assert_eq!(mock_server::file_bytes(300..310), whole[300..310]);
/// ```
pub fn file_bytes(range: Range<u64>) -> Vec<u8> {
    let length = range.end.saturating_sub(range.start);
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
    let mut offset = range.start;
    while offset < range.end {
        // The file is made of 8-byte blocks, each a 64-bit mix of its number (little-endian),
        // so that no short pattern repeats and a slice put at the wrong offset does not match.
        let block = mix(offset / 8).to_le_bytes();
        let from = (offset % 8) as usize;
        let take = (8 - from).min(usize::try_from(range.end - offset).unwrap_or(8));
        bytes.extend_from_slice(&block[from..from + take]);
        offset += take as u64;
    }
    bytes
}

/// SplitMix64's finaliser: every bit of the input moves about half the bits of the output.
fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The content type of a file's answer.
pub(crate) const OCTET_STREAM: &str = "application/octet-stream";

/// What the route answers to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileAnswer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(&'static str, String)>,
    /// The slice of the file the body carries (empty for a 416).
    pub(crate) range: Range<u64>,
}

/// The file's size from the path `/files/{size}` (the base path already removed), if that is
/// the path.
pub(crate) fn size_in_path(path: &str) -> Option<u64> {
    let size = path.strip_prefix("/files/")?;
    let size = size.strip_suffix('/').unwrap_or(size);
    let size: u64 = size.parse().ok()?;
    (size <= MAX_FILE_SIZE).then_some(size)
}

/// The tag of the file of `size` bytes: it never changes.
fn etag(size: u64) -> String {
    format!("\"file-{size}\"")
}

/// The answer to a GET (or HEAD) of the file of `size` bytes.
pub(crate) fn answer(size: u64, request: &Request) -> FileAnswer {
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
    };
    let mut headers = vec![("Accept-Ranges", "bytes".to_owned()), ("ETag", etag(size))];
    // `If-Range` with another tag: the file changed since the client's first part, so the
    // whole file, with 200.
    let same_file = header("if-range").is_none_or(|tag| tag == etag(size));
    let wanted = header("range")
        .filter(|_| same_file)
        .and_then(|range| parse_range(range, size));
    match wanted {
        None => {
            headers.push(("Content-Length", size.to_string()));
            FileAnswer {
                status: 200,
                headers,
                range: 0..size,
            }
        }
        Some(Wanted::Slice(range)) => {
            headers.push((
                "Content-Range",
                format!("bytes {}-{}/{size}", range.start, range.end - 1),
            ));
            headers.push(("Content-Length", (range.end - range.start).to_string()));
            FileAnswer {
                status: 206,
                headers,
                range,
            }
        }
        Some(Wanted::Unsatisfiable) => {
            headers.push(("Content-Range", format!("bytes */{size}")));
            headers.push(("Content-Length", "0".to_owned()));
            FileAnswer {
                status: 416,
                headers,
                range: 0..0,
            }
        }
    }
}

/// What a `Range` header asks of a file.
#[derive(Debug, PartialEq, Eq)]
enum Wanted {
    /// These bytes, within the file.
    Slice(Range<u64>),
    /// Nothing the file has: the range starts at or past its end.
    Unsatisfiable,
}

/// Reads `bytes=START-END`, `bytes=START-` or `bytes=-LAST` against a file of `size` bytes.
/// `None` for anything else (several ranges, another unit, a malformed one): the whole file.
fn parse_range(header: &str, size: u64) -> Option<Wanted> {
    let spec = header.trim().strip_prefix("bytes=")?.trim();
    if spec.contains(',') {
        return None;
    }
    let (first, last) = spec.split_once('-')?;
    let (first, last) = (first.trim(), last.trim());
    let number = |text: &str| -> Option<u64> {
        // `u64::from_str` takes a leading `+`; HTTP does not.
        text.bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| text.parse().ok())?
    };
    if first.is_empty() {
        // The last `LAST` bytes; a suffix of 0 bytes is unsatisfiable.
        let last = number(last)?;
        return Some(if last == 0 || size == 0 {
            Wanted::Unsatisfiable
        } else {
            Wanted::Slice(size.saturating_sub(last)..size)
        });
    }
    let start = number(first)?;
    let end = if last.is_empty() {
        size
    } else {
        let last = number(last)?;
        if last < start {
            return None;
        }
        last.saturating_add(1).min(size)
    };
    Some(if start >= size {
        Wanted::Unsatisfiable
    } else {
        Wanted::Slice(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        let mut map = wiremock::http::HeaderMap::new();
        for (name, value) in headers {
            map.insert(
                wiremock::http::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
                wiremock::http::HeaderValue::from_str(value).expect("a header value"),
            );
        }
        Request {
            url: "http://localhost/files/1000".parse().expect("a URL"),
            method: wiremock::http::Method::GET,
            headers: map,
            body: Vec::new(),
        }
    }

    fn header<'a>(answer: &'a FileAnswer, name: &str) -> Option<&'a str> {
        answer
            .headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    #[test]
    fn the_bytes_of_a_slice_are_those_of_the_whole_at_its_offset() {
        let whole = file_bytes(0..4096);
        assert_eq!(file_bytes(1234..2345), whole[1234..2345]);
        // No short period: the first 8-byte block appears nowhere else in 4 KiB.
        let first = &whole[..8];
        assert_eq!(
            whole.windows(8).filter(|window| window == &first).count(),
            1
        );
    }

    #[test]
    fn sizes_in_the_path() {
        assert_eq!(size_in_path("/files/1000"), Some(1000));
        assert_eq!(size_in_path("/files/0/"), Some(0));
        assert_eq!(size_in_path("/files/1099511627776"), Some(MAX_FILE_SIZE));
        assert_eq!(size_in_path("/files/1099511627777"), None);
        assert_eq!(size_in_path("/files/-1"), None);
        assert_eq!(size_in_path("/files/1k"), None);
        assert_eq!(size_in_path("/files"), None);
        assert_eq!(size_in_path("/posts/1"), None);
    }

    #[test]
    fn without_a_range_the_whole_file() {
        let answer = answer(1000, &request(&[]));
        assert_eq!((answer.status, answer.range.clone()), (200, 0..1000));
        assert_eq!(header(&answer, "content-length"), Some("1000"));
        assert_eq!(header(&answer, "accept-ranges"), Some("bytes"));
        assert_eq!(header(&answer, "etag"), Some("\"file-1000\""));
    }

    #[test]
    fn ranges_give_206_with_their_slice() {
        for (range, slice, content_range) in [
            ("bytes=100-", 100..1000, "bytes 100-999/1000"),
            ("bytes=100-199", 100..200, "bytes 100-199/1000"),
            ("bytes=990-5000", 990..1000, "bytes 990-999/1000"),
            ("bytes=-10", 990..1000, "bytes 990-999/1000"),
            ("bytes=-5000", 0..1000, "bytes 0-999/1000"),
            ("bytes=999-999", 999..1000, "bytes 999-999/1000"),
        ] {
            let answer = answer(1000, &request(&[("range", range)]));
            assert_eq!(
                (answer.status, answer.range.clone()),
                (206, slice),
                "{range}"
            );
            assert_eq!(
                header(&answer, "content-range"),
                Some(content_range),
                "{range}"
            );
        }
    }

    #[test]
    fn a_range_past_the_end_is_416() {
        for range in ["bytes=1000-", "bytes=5000-6000", "bytes=-0"] {
            let answer = answer(1000, &request(&[("range", range)]));
            assert_eq!(answer.status, 416, "{range}");
            assert_eq!(header(&answer, "content-range"), Some("bytes */1000"));
        }
    }

    #[test]
    fn ranges_it_cannot_read_give_the_whole_file() {
        for range in [
            "bytes=0-10,20-30",
            "items=0-10",
            "bytes=20-10",
            "bytes=+5-",
            "bytes=x-",
        ] {
            let answer = answer(1000, &request(&[("range", range)]));
            assert_eq!(
                (answer.status, answer.range.clone()),
                (200, 0..1000),
                "{range}"
            );
        }
    }

    #[test]
    fn if_range_with_another_tag_gives_the_whole_file() {
        let changed = answer(
            1000,
            &request(&[("range", "bytes=100-"), ("if-range", "\"file-999\"")]),
        );
        assert_eq!((changed.status, changed.range), (200, 0..1000));
        let same = answer(
            1000,
            &request(&[("range", "bytes=100-"), ("if-range", "\"file-1000\"")]),
        );
        assert_eq!((same.status, same.range), (206, 100..1000));
    }
}
