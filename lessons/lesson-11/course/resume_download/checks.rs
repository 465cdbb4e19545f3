//! The checks of exercise 16 (`resume_download`), run against your file, the reference solution,
//! the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | the call works on any runtime that awaits it | `works_on_one_runtime_after_another` (first, before any call on the checks' own runtime) | three downloads of 150,001 bytes with no part, one after another, each on a runtime of its own, the first with two worker threads and dropped before the second is built, the others current-thread, the second kept but not running while the third runs: each `Ok(150001)` with the whole file, once the first was right (a writer task or a client kept in a `static` by the first call, dead with its runtime, fails, and so does the runtime's kind decided once, `block_in_place` then panicking on a current-thread runtime; so does one started again when it died, which hangs on a runtime that lives but does not run) |
//! | no part (or an empty one): one GET through `client`, no `Range`; a 200's body is the file | `starts_from_nothing_without_a_range` | the part missing, then empty (0 bytes: `bytes=0-` is wrong); a file of 150,001 bytes, over two of the mock's pieces; a tagged client (a client of one's own fails); then the file sent chunked, with no `Content-Length` (reading only the announced length writes nothing) ; then a part in a folder that does not exist, answered 404: one request with no `Range` and `Status(404)`, no folder made (checking the folder before asking fails); then a server that gzips the file of 7,000 bytes for a request whose `Accept-Encoding` asks for it: the file as it is (asking for gzip, which the client given does not decode, writes the compressed bytes) |
//! | a part of N bytes: `Range: bytes=N-`; a 206 from byte N is appended; `Ok(size)` | `asks_for_the_rest_and_appends_it` | N = 70,001 (not round, not a piece boundary); the whole file compared byte for byte (an off-by-one in the range, or a part written over, fails); a 206 for only some of the rest (`bytes 5003-5102/150001`): `Ok(5103)`, not the size in `Content-Range`, and the same with `bytes 5003-5102/*` (a size the server does not know: refusing a `*` fails) and with `bytes 5003-5003/5004`, the last byte alone (taking LAST = FIRST as empty fails), and `bytes 5003-4999999999/5000000000` (numbers read as `u32` fail) and `bytes 5003-5102/20000000000000` (a cap on the total fails), then right 206s beside `Accept-Ranges: none`, `Content-Type: text/html`, `Last-Modified` in 2098 and in the two older forms of an HTTP date (`Sunday, 06-Nov-94 …`, `Sun Nov  6 … 1994`: a strict date parser of one's own fails), a `Content-Disposition` with a raw UTF-8 name, `Age: 120` (refusing a range a cache kept fails) and a `Content-Digest` of the 206's own bytes (checking it against the whole file fails) (refusing any, or a header read with `to_str().expect`, fails), each asked once (asking again for what is missing fails); the request's target compared with `url` (a query to get past a cache fails); a part of 1 byte, a `file.bin.part.lock` left beside it: `Range: bytes=1-` (starting small parts over fails; a lock file of one's own, taken with `create_new`, refuses to start; the other program's lock file must be there after, as it was: deleting it as stale fails); on Unix, a part named `caf\xE9.part`, not UTF-8 (a path made text with `to_string_lossy` is another file); a part of 51 bytes that start `<!DOCTYPE html>` (taking it for a saved error page and starting over fails), and one of 68 bytes that start `<?xml` and then `<Error>`, as a storage service's error page does; on Unix, a sparse part of 2^32 + 5,003 bytes (N, or FIRST, read as a `u32` fails); an `If-Range` beside the `Range` (`If-Range: bytes` makes the server send the whole file); the part of 70,001 bytes last written 30 days ago, the whole file `file.bin` beside it (starting an old part over, or skipping a download whose final file is there, fails; so does the finished part given the name `file.bin`: that file must be the same one after, bytes and inode); on Unix, a part that is a symbolic link to 5,003 bytes in another folder (its size read with `symlink_metadata`, the length of the path it holds, fails, and so does a link refused because it leads out of the part's folder), a part with a second name, a hard link beside it (a part unlinked and started again fails: both names must show the whole file), and one to a file not made yet: no `Range`, the file written (an error for a missing target fails); a 206 with the rest and the whole file's SHA-256 in `X-Checksum-Sha256` (checking it against the 206's body alone fails), then with `Cache-Control: no-store`, a `Content-Location` of another name, a `Content-Disposition` naming another file, `Vary: Accept-Encoding`, an `ETag` without quotes, a `Content-Type` of `multipart/related` and a `Last-Modified` the same second as its `Date` (refusing a 206 for any of them fails); on Unix, `link/../x.part` with `link` a symbolic link to `deep/dir` (a path tidied as text fails) and a name with a backslash (taken for a separator fails), a name with `: * ? " < > |` (replacing them as Windows would fails), `file.bin.crdownload` (a `.part` name of one's own fails) and a name of 250 bytes (a file of one's own beside it, whose longer name cannot be made, fails), and a part given relative to the working directory, in `CARGO_TARGET_TMPDIR` (a folder of one's own put before it fails), and one named by a bare file name, in the working directory (its `parent()` is `Some("")`: opening that folder to sync it fails); on Linux, a part that is a link to `/dev/full`: `Err(File)` (a flush's error put aside fails); the same link answered 206 `bytes 0-6999/7000`, unasked: `Err(File)` or `WrongRange`, the link kept (a link removed and a new file put in its place fails); the rest in a 206 whose status line says `HTTP/1.0`, and in one whose `Content-Length` is the list `42, 42` (refusing it for its version fails; so does parsing the length with `expect`); a part 100 bytes short of the largest file its file system allows, answered 206 with 150 bytes: `Err(File)` (`EFBIG`, as on a full disk: `sync_all`, `set_len` or the position in place of `flush` set the write's error aside); a part linked by the relative path `../kept/rest.bin` (that path read from the working directory fails), a part named in Cyrillic (a name cut at byte 24 panics) and a part last written a day from now (unwrapping its age panics); the 206 of the rest with `Content-Encoding: gzip`, a store's coded bytes (refusing a coded 206 fails) |
//! | a 200 to a range empties the part first | `starts_again_on_a_200` | a part of 5,003 bytes of other content, and a server that ignores `Range` (and sends `Content-Range: bytes 5003-…` and `Accept-Ranges: bytes` with its 200: the status decides): appending gives 155,004 bytes, and refusing a 200 from a server that takes ranges fails; then a 200 of 1,000 bytes, a web page starting `<!DOCTYPE html>` sent as `text/html`, then the same after a byte-order mark (dropping the mark fails), over a part of 5,003 (writing from byte 0 without emptying leaves the old tail; refusing an HTML 200, or one whose first bytes look like HTML, as an error page fails); then a 200 with an empty body over it (a part opened only when the first piece comes keeps its bytes): `Ok(0)`, the part empty or gone; then a 200 of exactly 5,003 other bytes over it (a `Content-Length` equal to the part's size taken as "already complete" keeps the old bytes); then a chunked 200 over it (keeping the part when no length is announced fails), and 3 MiB at once with no part (a rate per whole second divides by zero); and with another program's `file.bin.part.old` beside the part, which must be as it was after (the old part kept under that name fails) |
//! | a 206 from another byte, or with no `Content-Range`: `WrongRange`, part untouched | `refuses_a_206_for_other_bytes` | `bytes 0-99/150001` to a request from 5,003; `bytes 50030-50129/150001`, whose text starts with `bytes 5003` (a `starts_with` without the `-` takes it); `bytes 15003-15102/150001`, which holds `5003-` (a search for it takes it); `bytes=5003-150000/150001`, the `Range` header's form (taking `=` for a space fails); `Bytes 0-99/150001`, its text given back as it came (lowercasing it fails), and `bytes 00-99/150001` (writing back the parsed numbers fails); `bytes 0-18446744073709551615/*` (`LAST - FIRST + 1` overflows: a panic fails); a header of 69 characters, its text whole (cutting it for a message fails); `items 5003-150000/150001` and `bytes */5003`, whose first number is 5,003 (the start taken as the first run of digits takes them); `bytes 5003.0-150000/150001` and `bytes 5.003e3-150000/150001` (numbers read as `f64` take both for 5,003); a 206 with no `Content-Range`; the part compared byte for byte afterwards; `bytes 5003-10/80000`, whose last byte comes before its first: appended or refused, never a panic (`LAST - FIRST + 1` overflows), and the same for `bytes 5003-18446744073709551615/*` (`LAST + 1` overflows), `bytes 5003/7000` (no `-`: an `unwrap` on the second field panics) and `bytes 5003-5003/0` (`SIZE - 1` underflows); `bytes  15003-15102/150001` with two spaces, and `bytes\t15003-15102/150001` with a tab, each its text as it came (spaces made single, or control characters stripped, fail); `bytes */9` (slicing N's digits out of a shorter text panics); a `Content-Range` with an en dash, not header text, in UTF-8 and as the Windows-1252 byte 0x96: refused, never a panic (`to_str().expect`, or `from_utf8(..).expect`, panics); `bytes 0-150000/150001`, the whole file as a 206: refused (starting over from it fails); with no part, a 206 `bytes 0-150000/150001` (no range asked): appended, the part created, or refused, the part still missing (a 206 opened with `append` alone fails with `NotFound`); with no part, a 206 `bytes 5003-150000/150001`, one `bytes */5003` (the lesson's parser reads its start as 0) and one with no `Content-Range`: `WrongRange { asked: 0 }` and still no part (writing any 206 to an empty part as the file fails; so does a part created before the range is checked); `5003-150000/150001` with no unit and `bytes bytes 5003-150000/150001` (a unit taken off with `trim_start_matches`, or not at all, fails) |
//! | any other status: `Status(status)`, part untouched | `an_error_status_leaves_the_part` | 416 (with `Content-Range: bytes */5003`, the part's own size: taking the part as complete fails; and with `bytes */1000`, a file smaller than the part: deleting the part fails), 304 with no body (taken as "not modified, the part is whole" fails), 404, 410, 503 (with `Retry-After: 1`: one GET, a retry of one's own fails), 300 (with a `Location` to the file itself: following it by hand fails), 429 (with `Retry-After: 1`), 202 and 203 with a body, 204 without (`is_success()` as the rule fails), then every other status from 201 to 599 that `StatusCode::canonical_reason` names (429 and 503 again), and 299, 499, 520 to 524, 599, 600 and 999, each with the body `{}` (but 204, 205 and 304), `Retry-After: 0`, then again with no `Retry-After` (a retry of "gateway errors" that carry none fails), the 3xx, the 201 and the 202 with a `Location`, through a client that follows no redirect (following one by hand, or polling a 202's, fails), each asked once (`unreachable!` past 599 panics; a retry on `Retry-After: 0` fails): treating any 2xx/3xx or any body as data, emptying the part on one (a 501), or retrying one (408, 502, 504) fails; a 404 with no part must leave no part (opening with `create` first fails), and with an empty part must leave it there, empty (removing an empty part first fails) ; then a 503 whose error page breaks off: `Status(503)` after one request (reading the page first, with `?`, gives `Http`); a 503 with `Retry-After` as a date, and a 416 with no `Content-Range` (reading either with `expect` panics) |
//! | written piece by piece as it arrives | `writes_each_piece_as_it_arrives` | 600,000 bytes, the first 300,000 with the head and the rest 800 ms later: the part must hold 100,000 bytes or more before the call returns (`bytes().await`, or pieces gathered in a `Vec`, write nothing until the end), and no more than 300,000 (a part set to its full length first, `set_len`, fails), both judged on looks taken before the server sends the rest; then the same as a 206 over a part of 5,003 bytes: between 105,003 and 305,003 before the rest (a rest staged in a file of its own and appended when whole fails); then the same 200 over a part of 400,000 other bytes: no more than 300,000 from 400 ms after the head until the rest (writing over the old bytes and cutting to size at the end fails); then two calls side by side, each into a part of its own from a server of its own, the first body waiting after its first 1,000 bytes, the second started 300 ms after the first: the second part 100,000 bytes or more 350 ms after its first 300,000 came, while the first body still waits (a lock of one's own held for a whole download fails), and each `Ok(600000)` with its whole file (a count of bytes in a `static` that every call shares fails, and so does aborting the tasks earlier calls left, and a block buffer shared by calls, which puts the first call's 1,000 bytes into the second part); then six calls at once for one address, each with no part of its own: six GETs, six whole files (a download shared between calls, or a call turned away while others run, fails); then two calls at once into one part, each for an address of its own: a GET of each (a call that waits for the other and answers with its size, or is turned away, fails) |
//! | a break keeps what came; `Http` | `keeps_what_came_before_a_break` | a 200 announcing 400 bytes that sends 27 and closes, with no part (and again with `Accept-Ranges: none`: emptying a part that cannot be resumed fails) and over a part of 5,003 bytes: the part must hold exactly those 27 bytes (a 200 written to a side file and renamed only when whole keeps the old part), and the call be `Err(Http)` (a `?` on `chunk()` before writing, or `bytes()`, loses them); then the head alone over a part of 5,003 bytes: the part emptied (or gone); then a chunked 200 cut before its last chunk (taking the close as the end fails), and a chunked 206 over a part of 5,003 bytes whose chunk holds every byte its `Content-Range` names, cut before its last chunk (taking the range's bytes as the end fails); a client with a 300 ms read timeout and a 200 whose rest comes 800 ms after its first 300,000 bytes: `Err(Http)` after one request, those bytes in the part (asking again after a stall fails); and a server that says nothing for 1.5 s: `Err(Http)` after one request, the part as it was (a retry of one's own on a timeout fails); then two calls: a 200 with `ETag: "v1"` that breaks off after 27 of its 400 bytes, and a 206 `bytes 27-399/400` with a weak `ETag: W/"v2"`, a later `Last-Modified` and `Retry-After: 120`: appended, `Ok(400)` (a tag or date kept from the first answer and compared with the second, refusing the 206, fails, and so do refusing a weak tag and taking a `Retry-After` on a 206 for an error); then, at the same address, a 416 `bytes */400` to the whole part: `Err(Status(416))` after one request with `Range: bytes=400-` (remembering that the file came in whole and sending nothing fails); then the part deleted and another of 100 bytes put in its place, and a 206 `bytes 100-399/400`: appended to the new part (a file kept open from an earlier call fails); then a 308 to `/files/moved-for-good` through a client that follows no redirect: `Err(Status(308))`; then 20 bytes appended to that part by another program and a 206 `bytes 420-449/450`, the file grown: `Range: bytes=420-`, appended, `Ok(450)`, asked at `url` (a permanent redirect remembered fails; cutting the part back to what an earlier call left fails, and so does refusing a total other than the one the address gave before); at the address of the part deleted and put back shorter, a request that sends a version back (`If-None-Match`, `If-Modified-Since`) is answered 304, as a real server does (sending a remembered `ETag` fails); a client whose timeout for the whole request is 300 ms too (a timeout of one's own set on the request puts it aside); a 200 that sends 70,000 zero bytes of 100,000 and closes: the zeros in the part (zeros skipped as holes fail); a 206 whose `Content-Length` is 18,446,744,073,709,551,000 that sends 27 bytes and closes: appended, no panic; at the replaced part's address, `If-Match` or `If-Unmodified-Since` answered 412 |
//! | a failed connection: `Http`, part untouched | `a_failed_connection_is_an_err` | an address where nothing listens, by the name `localhost`, with a part of 5,003 bytes, through a client that counts its connection attempts: one (retrying a refused connection fails); then a server that reads the request and closes without a word, and one that resets the connection: one request each (a retry of one's own, after a reset too, fails); then the addresses `/files/7000`, `127.0.0.1:PORT/files/7000`, `localhost:PORT/files/7000` and `//127.0.0.1:PORT/files/7000`, no scheme: `Err(Http)`, no request at that port, no panic (`Url::parse(url).expect` or a host read with `expect` panics; adding `http://` of one's own sends a request) |
//! | a part that cannot be read: `File`, no request | `a_part_that_cannot_be_read_is_an_error` | a part whose folder is a file (`ENOTDIR`, not `NotFound`): reading any error as "no part, N = 0" sends a request; the same part and an address with no scheme: `File` still (a request built before the part's size is read fails) |
//! | a `Content-Range` cut short: refused, or appended if it starts at N; never a panic | `a_content_range_cut_short_is_refused` (near the end, so that an answer built on the lesson's lenient parser fails first on its own fault) | `bytes 5003-150000` (no `/SIZE`: appended or refused; `expect`ing a `/` panics), `bytes`, `*` and an empty value (refused; slicing the text at byte 6 panics) |
//! | the body waited for until it is all in, no time limit of one's own | `waits_for_a_body_that_pauses` | no part, a 200 whose body pauses for 300 ms after its first 100,000 bytes, on a runtime with a paused clock and through a client with no timeouts (a timer of one's own, however long, ends at once there: a watchdog on each piece fails) |
//! | a dropped call stops and keeps what came (the chapter) | `a_dropped_call_stops_and_keeps_what_came` | no part, a 200 of 600,000 bytes whose first 300,000 come at once and the rest only once the check lets them go; the call dropped once the part holds 100,000 bytes, the rest sent 300 ms later: the part must hold the file's first bytes, 100,000 or more, 300 ms after the drop, and the same 500 ms after the rest (a part deleted on the way out, or cut back by a guard while a write was still in flight, which leaves zeros where the cut bytes were, or a download on a spawned task that goes on, fails; so does a panic as it is dropped, such as a `block_on` in a `Drop` of one's own); then the same call polled on a runtime of the check's own and dropped after its `block_on` has returned, with no runtime current: no panic (a `Drop` that calls `Handle::current()` or `tokio::spawn` fails) |
//! | one GET of `url` as given; a 206 from N appended whatever its SIZE and framing | `asks_for_the_url_as_given` (last) | a 206 `bytes 5003-5102/*` in chunks, no `Content-Length` (refusing an unknown size with no length fails); then `url` with `reader:open%20sesame@`, `/Files//Annual Report.BIN?Rev=B 2`: `GET /Files//Annual%20Report.BIN?Rev=B%202` with `Authorization: Basic` (lowercasing, `+` for spaces, `//` collapsed, or the credentials dropped, fail); the host named `localhost`, sent as `Host: localhost:PORT` (a name swapped for `127.0.0.1` fails), an escape already there (`%202026`: escaping the `%` again fails) and a query whose pairs are not in order (`v=2&Rev=B 2&a=1`: sorting them fails), with `utm_source=mail`, `%7E` and `%2f` (dropping a tracker's pair, or normalizing escapes, fails); then `http://files.example:PORT/…` through a client that resolves the name to the server (an upgrade to `https://` off loopback fails); then, with no part, `/releases/latest/` (trimming the slash fails), a signed address of over 2,400 bytes (a limit of one's own on its length fails) and a server that answers 406 to an `Accept` that does not take `application/json` (an `Accept: application/octet-stream` of one's own fails) |
//!
//! Every call is bounded: one that has not returned after 10 s (`CALL_PATIENCE`) fails its check
//! with the rule that every call ends (a slot or permit of one's own never given back hangs).
//!
//! # Known gap
//!
//! A piece written through a tokio `File` that is dropped at once (a `File` opened per piece, the
//! Python habit of `with open(part, "ab")`): tokio hands the write to a blocking thread and the
//! drop does not wait for it, so the last piece may land after the function returns, and two
//! pieces on two threads in either order. On a machine at rest the write is done long before the
//! check reads the part, and no server can slow a write to the local disk: the checks cannot
//! stage it. The hints say why each write is awaited on one `File` and flushed before returning.
//! The same race lets `Ok` carry a size read from the open `File`'s metadata before the flush
//! (tokio's `File::metadata` does not wait for a write in flight): the part is right, the number
//! sometimes short; the checks see it on some runs only, so no kept answer stands for it.
//! A part that cannot be opened for writing (mode 0444) is out of reach as well: N must be read
//! from its size, not from a handle opened to append, but CI runs the checks as root, for whom
//! a file's mode does not bind.
//! Memory held beside the writes: an answer that writes each piece as it arrives and also keeps
//! every piece (a `Bytes` each, to read the part back and compare at the end) holds the whole
//! body in memory, which the contract forbids, while the part grows as it should. Only a
//! measure of the memory the call holds could see it, and every check in the process shares
//! the allocator; none is kept.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lesson_11::ResumeError;
use lesson_support::testing::{
    AsksForCompression, BodyGate, Exercise, RawAnswerServer, SlowAnswer, SlowBodyServer, Verdict,
    cut_short, gzip_stored, header_or_none, is_tagged, on_a_thread_of_its_own, panic_message,
    request_target, tagged_client, unused_local_url,
};
use mock_server::{MockApi, file_bytes};
use reqwest::Client;
use reqwest::header::HeaderValue;
use wiremock::matchers::{header_exists, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const EXERCISE: Exercise = Exercise {
    number: 16,
    file: "lessons/lesson-11/src/exercises/resume_download.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError> + Copy + Send + 'static;
    // First, before any call on the checks' own runtime: a task or handle that the first call
    // keeps in a `static` would live on that runtime, which outlives every check, and hide the
    // fault.
    works_on_one_runtime_after_another,
    starts_from_nothing_without_a_range,
    asks_for_the_rest_and_appends_it,
    starts_again_on_a_200,
    refuses_a_206_for_other_bytes,
    an_error_status_leaves_the_part,
    writes_each_piece_as_it_arrives,
    keeps_what_came_before_a_break,
    a_failed_connection_is_an_err,
    a_part_that_cannot_be_read_is_an_error,
    a_content_range_cut_short_is_refused,
    waits_for_a_body_that_pauses,
    a_dropped_call_stops_and_keeps_what_came,
    // Last: an answer that refuses a 206 because `response.url()` reads otherwise than `url`
    // is named first, by a check where that is its only fault.
    asks_for_the_url_as_given,
}

/// The size of the file the checks download: not round, more than two 64 KiB pieces.
const SIZE: u64 = 150_001;

/// The size of the part an earlier attempt left, in the checks that need one.
const HAD: u64 = 5_003;

// ---------------------------------------------------------------------------------------------
// Helpers.

/// A fresh, empty folder for one check, removed with its contents when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, String> {
        Scratch::under(&std::env::temp_dir())
    }

    /// A fresh folder in `parent`.
    fn under(parent: &Path) -> Result<Scratch, String> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = parent.join(format!(
            "course-exercise-16-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|err| format!("the check could not make {}: {err}", dir.display()))?;
        Ok(Scratch { dir })
    }

    fn part(&self) -> PathBuf {
        self.dir.join("file.bin.part")
    }

    /// Writes the part an earlier attempt would have left.
    fn leave(&self, bytes: &[u8]) -> Result<PathBuf, String> {
        let part = self.part();
        std::fs::write(&part, bytes)
            .map_err(|err| format!("the check could not write {}: {err}", part.display()))?;
        Ok(part)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The part's bytes, or none if it is missing.
fn contents(part: &Path) -> Option<Vec<u8>> {
    std::fs::read(part).ok()
}

/// What tells the file at `path` from another one later given its name: on Unix its device and
/// inode (a file removed and made again, or a link to another file put in its place, has other
/// ones); `None` elsewhere, or when there is no file.
fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path)
            .ok()
            .map(|metadata| (metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// How a file the check put beside the part fares after a call: `None` if it is the same file
/// with the same bytes, else what became of it, for a message.
fn changed_beside(path: &Path, bytes: &[u8], was: Option<(u64, u64)>) -> Option<String> {
    if contents(path).as_deref() != Some(bytes) {
        Some(format!("is {}", compare(path, bytes)))
    } else if identity(path) != was {
        Some(
            "holds the same bytes but is another file (removed and made again, or a link to \
             another file put in its place)"
                .to_owned(),
        )
    } else {
        None
    }
}

/// How the part compares with `expected`, for a message.
fn compare(part: &Path, expected: &[u8]) -> String {
    match contents(part) {
        None => "missing".to_owned(),
        Some(bytes) if bytes == expected => format!("{} bytes, as expected", bytes.len()),
        Some(bytes) => {
            let first = bytes
                .iter()
                .zip(expected)
                .position(|(a, b)| a != b)
                .unwrap_or(bytes.len().min(expected.len()));
            format!(
                "{} bytes where {} were expected, the first difference at byte {first}",
                bytes.len(),
                expected.len()
            )
        }
    }
}

/// How a result reads in a message.
fn describe(result: &Result<u64, ResumeError>) -> String {
    match result {
        Ok(size) => format!("Ok({size})"),
        Err(ResumeError::Http(_)) => "Err(Http(..))".to_owned(),
        Err(ResumeError::Status(status)) => format!("Err(Status({}))", status.as_u16()),
        Err(ResumeError::WrongRange {
            asked,
            content_range,
        }) => format!("Err(WrongRange {{ asked: {asked}, content_range: {content_range:?} }})"),
        Err(ResumeError::File(err)) => format!("Err(File({err}))"),
    }
}

/// The `Range` headers of the requests a `MockApi` received, and whether each came from the
/// client given.
fn ranges_of(api: &MockApi) -> Vec<(Option<String>, bool)> {
    api.arrivals()
        .iter()
        .map(|arrival| {
            let range = arrival
                .headers
                .get("range")
                .map(|value| value.to_str().unwrap_or("(not text)").to_owned());
            (range, is_tagged(&arrival.headers))
        })
        .collect()
}

/// `bytes` in base64 with padding (RFC 4648), as a structured header holds a byte sequence.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::new();
    for group in bytes.chunks(3) {
        let bits = group.iter().enumerate().fold(0_u32, |bits, (i, byte)| {
            bits | u32::from(*byte) << (16 - 8 * i)
        });
        for i in 0..4 {
            if i <= group.len() {
                text.push(char::from(ALPHABET[(bits >> (18 - 6 * i) & 63) as usize]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

/// The same, for a wiremock server.
async fn ranges_seen(server: &MockServer) -> Vec<(Option<String>, bool)> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| {
            let range = request
                .headers
                .get("range")
                .map(|value| value.to_str().unwrap_or("(not text)").to_owned());
            (range, is_tagged(&request.headers))
        })
        .collect()
}

/// A wiremock server that answers every GET with `template`.
async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    answer_from_now_on(&server, template).await;
    server
}

/// Makes `server` forget what it answered and received so far, and answer every GET with
/// `template` from now on.
async fn answer_from_now_on(server: &MockServer, template: ResponseTemplate) {
    server.reset().await;
    Mock::given(method("GET"))
        .respond_with(template)
        .mount(server)
        .await;
}

/// The client given, marked as the checks' own, but following no redirect: a 3xx comes back to
/// the function as it is.
fn client_following_no_redirect(url: &str) -> Result<Client, String> {
    lesson_support::testing::tagged_client_builder(url)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))
}

/// How long one call may take before its check gives up on it: longer than any answer of the
/// checks takes to come (2 s at most), so that only a call that would never end reaches it.
const CALL_PATIENCE: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------------
// The checks.

/// Three downloads one after another, each into a part of its own, each on a runtime of its own
/// (the first dropped before the second is built, the second kept but not running while the
/// third runs), from the mock on the checks' runtime: all are `Ok` with the whole file. A task,
/// a handle or a client kept in a `static` by the first call dies with its runtime. A first call
/// that already failed is another fault, which the checks after this one name.
pub async fn works_on_one_runtime_after_another<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError> + Copy + Send + 'static,
{
    let api = MockApi::start().await;
    let url = format!("{}/files/{SIZE}", api.uri());
    let (candidate, asked) = (*candidate, url.clone());
    let rounds = move || {
        // Each outcome: the result as shown, the result, and whether the part is the whole file.
        let mut outcomes = Vec::new();
        // The second runtime is kept, not running, while the third call runs on a third.
        let mut kept = Vec::new();
        for round in 0..3 {
            let outcome = (|| -> Result<(String, Result<u64, ResumeError>, bool), String> {
                // The first runtime has two workers; the others one thread, as `#[tokio::test]`.
                let mut builder = if round == 0 {
                    let mut builder = tokio::runtime::Builder::new_multi_thread();
                    builder.worker_threads(2);
                    builder
                } else {
                    tokio::runtime::Builder::new_current_thread()
                };
                let runtime = builder
                    .enable_all()
                    .build()
                    .map_err(|err| format!("the check could not build its runtime: {err}"))?;
                let scratch = Scratch::new()?;
                let part = scratch.part();
                let result = runtime.block_on(async {
                    let client = tagged_client(&asked);
                    EXERCISE.run(candidate(&client, &asked, &part)).await
                })?;
                if round == 1 {
                    kept.push(runtime);
                } else {
                    runtime.shutdown_timeout(Duration::from_secs(1));
                }
                let whole = contents(&part) == Some(file_bytes(0..SIZE));
                Ok((describe(&result), result, whole))
            })();
            outcomes.push(outcome?);
        }
        for runtime in kept {
            runtime.shutdown_timeout(Duration::from_secs(1));
        }
        Ok(outcomes)
    };
    let outcomes = on_a_thread_of_its_own(&EXERCISE, rounds, || {
        format!(
            "with no part, three downloads of {SIZE} bytes one after another, each on a runtime \
             of its own (the first dropped before the second was built, the second kept but not \
             running while the third ran), had not all returned after 15 s: each call runs on \
             the runtime that awaits it (no task, handle or client kept in a `static` from an \
             earlier call)"
        )
    })
    .await?;
    let right = |(_, result, whole): &(String, Result<u64, ResumeError>, bool)| {
        matches!(result, Ok(size) if *size == SIZE) && *whole
    };
    let Some((first, later)) = outcomes.split_first() else {
        return Ok(());
    };
    // A first call that already failed: another fault, which the checks after this one name.
    match later.iter().position(|outcome| !right(outcome)) {
        Some(index) if right(first) => Err(EXERCISE.fail(&format!(
            "with no part, three downloads of {SIZE} bytes one after another, each into a part \
             of its own and on a runtime of its own (the first dropped before the second was \
             built, the second kept but not running while the third ran): the first returned \
             {}, the {} {}{}; expected Ok({SIZE}) and the whole file each time: each call stands \
             on its own, on the runtime that awaits it and with the part it is given (nothing \
             kept in a `static` from an earlier call: a task, handle or client ends, or stops, \
             with that call's runtime, and a folder an earlier call used may be gone)",
            first.0,
            ["second", "third"][index],
            later[index].0,
            if later[index].2 {
                ""
            } else {
                " and its part is not the whole file"
            }
        ))),
        _ => Ok(()),
    }
}

pub async fn starts_from_nothing_without_a_range<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    for (how, leave_empty) in [("missing", false), ("empty (0 bytes)", true)] {
        let api = MockApi::start().await;
        let scratch = Scratch::new()?;
        let part = if leave_empty {
            scratch.leave(&[])?
        } else {
            scratch.part()
        };
        let url = format!("{}/files/{SIZE}", api.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let seen = ranges_of(&api);
        let whole = file_bytes(0..SIZE);
        if seen != [(None, true)] {
            return Err(EXERCISE.fail(&format!(
                "with the part {how}, the server received these requests (Range header, sent by \
                 the client given): {seen:?}; expected one, with no `Range`, from the client \
                 given: a part of 0 bytes asks for the whole file, without a range"
            )));
        }
        if !matches!(result, Ok(size) if size == SIZE) || contents(&part) != Some(whole.clone()) {
            return Err(EXERCISE.fail(&format!(
                "with the part {how}, answered 200 with the {SIZE}-byte file, the function \
                 returned {} and the part is {}; expected Ok({SIZE}) and the whole file: a \
                 200's body is the file from its first byte",
                describe(&result),
                compare(&part, &whole)
            )));
        }
    }
    // The same file sent in chunks, with no `Content-Length`: the body is what arrives until it
    // ends, not a length announced first.
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..SIZE), "application/octet-stream").chunked()
    })
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let whole = file_bytes(0..SIZE);
    if !matches!(result, Ok(size) if size == SIZE) || contents(&part) != Some(whole.clone()) {
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with the {SIZE}-byte file in chunks \
             (`Transfer-Encoding: chunked`, no `Content-Length`), the function returned {} and \
             the part is {}; expected Ok({SIZE}) and the whole file: the body is every piece \
             until `chunk()` gives `None`, however it is sent, not as many bytes as a \
             `Content-Length` says",
            describe(&result),
            compare(&part, &whole)
        )));
    }
    a_server_that_compresses_when_asked(candidate).await
}

/// Calls the function for `part`, answered by a [`RawAnswerServer`] with `reply`, bytes as they
/// are written: what it returned, and how many requests the server received.
async fn answered_raw<F>(
    candidate: &F,
    reply: String,
    part: &Path,
) -> Result<(Result<u64, ResumeError>, usize), String>
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = RawAnswerServer::start(reply, false).await?;
    let client = tagged_client(&server.url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &server.url, part))
        .await?;
    Ok((result, server.requests()))
}

/// Two more bodies that break off: a 200 announcing 100,000 bytes that sends 70,000 zero bytes
/// (a file's empty stretch) and closes: those 70,000 zeros in the part (zeros skipped as holes,
/// to be filled in at the end, are lost); then, over a part of 5,003 bytes, a 206 from byte
/// 5,003 whose `Content-Length` says 18,446,744,073,709,551,000 (a server's lie, which hyper
/// takes) and that sends 27 bytes and closes: those 27 appended, no panic (a total of the part
/// and the announced length overflows).
async fn breaks_after_zeros_and_after_a_false_length<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let zeros = "\0".repeat(70_000);
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \
         100000\r\n\r\n{zeros}"
    );
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let (result, _) = answered_raw(candidate, reply, &part).await?;
    if !matches!(result, Err(ResumeError::Http(_))) || contents(&part) != Some(zeros.into_bytes()) {
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 announcing 100,000 bytes, then 70,000 zero bytes and a \
             closed connection, the function returned {} and the part is {}; expected \
             Err(Http(..)) with those 70,000 zeros in the part: every byte that arrived before \
             a break is written, zeros too (none left as a hole to fill in at the end)",
            describe(&result),
            contents(&part).map_or("missing".to_owned(), |bytes| format!(
                "{} bytes",
                bytes.len()
            ))
        )));
    }
    let came = "the next bytes of the file";
    let reply = format!(
        "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {HAD}-150000/{SIZE}\r\n\
         Content-Length: 18446744073709551000\r\n\r\n{came}"
    );
    let had = file_bytes(0..HAD);
    let scratch = Scratch::new()?;
    let part = scratch.leave(&had)?;
    let (result, _) = answered_raw(candidate, reply, &part).await?;
    let expected = [had.as_slice(), came.as_bytes()].concat();
    if matches!(result, Err(ResumeError::Http(_))) && contents(&part) == Some(expected.clone()) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 206 from byte {HAD} with `Content-Length: \
         18446744073709551000` (more than any file: a server's lie), then {} bytes and a closed \
         connection, the function returned {} and the part is {}; expected Err(Http(..)) with \
         those bytes appended: what arrives is written, whatever the head announced, and no \
         arithmetic on an announced length may panic (`checked_add`)",
        came.len(),
        describe(&result),
        compare(&part, &expected)
    )))
}

/// With no part, a server that sends the file gzipped to a request whose `Accept-Encoding` asks
/// for it, and as it is otherwise (as many servers and CDNs do): the part is the file. The
/// client given decodes no compression, so a request that asks for it gets bytes that are not
/// the file.
async fn a_server_that_compresses_when_asked<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let size = 7_000;
    let file = file_bytes(0..size);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(AsksForCompression)
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(gzip_stored(&file), "application/octet-stream"),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(file.clone()))
        .with_priority(2)
        .mount(&server)
        .await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{size}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if matches!(result, Ok(got) if got == size) && contents(&part) == Some(file.clone()) {
        return Ok(());
    }
    let asked = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|request| request.headers.get("accept-encoding"))
        .map(|value| {
            format!(
                "`Accept-Encoding: {}`",
                String::from_utf8_lossy(value.as_bytes())
            )
        })
        .collect::<Vec<_>>();
    let why = if asked.is_empty() {
        "the body is the file, written to `part` as it came, every byte written and flushed \
         before the function returns"
            .to_owned()
    } else {
        format!(
            "the request carried {}, so the server sent the file gzipped; the client given \
             decodes no compression, so ask for the file as it is (no `Accept-Encoding` of \
             your own)",
            asked.join(", ")
        )
    };
    Err(EXERCISE.fail(&format!(
        "with no part, from a server that gzips the file for a request that asks for it, the \
         function returned {} and the part is {}; expected Ok({size}) and the file of {size} \
         bytes: {why}",
        describe(&result),
        compare(&part, &file)
    )))
}

pub async fn asks_for_the_rest_and_appends_it<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let had = 70_001;
    let api = MockApi::start().await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&file_bytes(0..had))?;
    // A file beside it with the name the part will have once done (`file.bin`), as another
    // download left it: another file, which says nothing of this part.
    let beside = scratch.dir.join("file.bin");
    std::fs::write(&beside, file_bytes(0..SIZE))
        .map_err(|err| format!("the check could not write {}: {err}", beside.display()))?;
    let beside_was = identity(&beside);
    // Last written a month ago: an old part is a part all the same.
    let month_ago = std::time::SystemTime::now() - Duration::from_secs(30 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&part)
        .and_then(|file| file.set_modified(month_ago))
        .map_err(|err| format!("the check could not date {}: {err}", part.display()))?;
    let url = format!("{}/files/{SIZE}", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_of(&api);
    let expected_range = format!("bytes={had}-");
    if seen != [(Some(expected_range.clone()), true)] {
        return Err(EXERCISE.fail(&format!(
            "with a part of {had} bytes, last written 30 days ago, and a whole file `file.bin` \
             beside it, the server received these requests (Range header, sent by the client \
             given): {seen:?}; expected one, with `Range: {expected_range}`, from the client \
             given: ask for the bytes from N on, where N is the part's size, however old the \
             part is and whatever files lie beside it"
        )));
    }
    // The address asked is `url` itself: nothing added to it (a query to get past a cache is
    // another address, and a server may answer it another file).
    let targets: Vec<String> = api
        .arrivals()
        .iter()
        .map(|arrival| arrival.path.clone())
        .collect();
    if targets != [format!("/files/{SIZE}")] {
        return Err(EXERCISE.fail(&format!(
            "with a part of {had} bytes, the server received requests for {targets:?}; expected \
             one GET of `url` itself, `/files/{SIZE}`, with nothing added to it"
        )));
    }
    // An `If-Range` with no validator the server knows turns the range into "the whole file".
    if let Some(if_range) = api
        .arrivals()
        .iter()
        .find_map(|arrival| arrival.headers.get("if-range").cloned())
    {
        return Err(EXERCISE.fail(&format!(
            "with a part of {had} bytes, the request carried `If-Range: {}` beside its `Range`, \
             so the server answered 200 with the whole file and nothing was resumed; expected \
             `Range: {expected_range}` alone: `If-Range` names the version the part came from \
             (its `ETag` or date), and a server that does not have that version sends all of it",
            if_range.to_str().unwrap_or("(not text)")
        )));
    }
    let whole = file_bytes(0..SIZE);
    if !matches!(result, Ok(size) if size == SIZE) || contents(&part) != Some(whole.clone()) {
        return Err(EXERCISE.fail(&format!(
            "with a part of {had} bytes, answered 206 with `Content-Range: bytes {had}-150000/\
             {SIZE}` and the rest of the file, the function returned {} and the part is {}; \
             expected Ok({SIZE}) and the whole file: a 206 from byte N is appended to the part",
            describe(&result),
            compare(&part, &whole)
        )));
    }
    if let Some(change) = changed_beside(&beside, &whole, beside_was) {
        return Err(EXERCISE.fail(&format!(
            "with a part of {had} bytes and a whole file `file.bin` beside it (another \
             download's), the part was resumed, and then `file.bin` {change}; expected it as it \
             was: the call changes the file `part` and no other (the name a finished part may \
             be given is the caller's to give)"
        )));
    }
    // A 206 for only some of the rest: appended all the same, and the size is the part's. Then
    // the same with the file's size unknown to the server (`*`): the start is what decides.
    // Then the last byte alone, `bytes 5003-5003/5004`: a range of one byte, LAST equal to FIRST.
    // Then right 206s with a header beside that changes nothing: a server that says it takes no
    // ranges (it sent one all the same), a type of `text/html` (the file may be a web page), a
    // `Last-Modified` later than the part (a clock ahead of this machine's), and in the two
    // older forms of an HTTP date that RFC 9110 says a recipient must take, a
    // `Content-Disposition` whose file name is UTF-8, as it came (not header text), an `Age`
    // (the range came from a cache), and a `Content-Digest` (RFC 9530) of this answer's bytes,
    // the rest alone, not the whole file.
    let disposition = HeaderValue::from_bytes("attachment; filename=\"résumé.bin\"".as_bytes())
        .map_err(|err| format!("the check could not build its header: {err}"))?;
    let rest_digest = {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(file_bytes(HAD..HAD + 100));
        HeaderValue::from_str(&format!("sha-256=:{}:", base64(&digest)))
            .map_err(|err| format!("the check could not build its header: {err}"))?
    };
    // Each case: the `Content-Range`, how many bytes the body has, and a header beside, if any.
    type Case = (&'static str, u64, Option<(&'static str, HeaderValue)>);
    let mut cases: Vec<Case> = vec![
        ("bytes 5003-5102/150001", 100, None),
        ("bytes 5003-5102/*", 100, None),
        ("bytes 5003-5003/5004", 1, None),
        // A file of 5 GB: its numbers do not fit a `u32`.
        ("bytes 5003-4999999999/5000000000", 100, None),
        // A file of 20 TB, over 16 TiB: a file as large as its server says.
        ("bytes 5003-5102/20000000000000", 100, None),
    ];
    for header in [
        ("accept-ranges", HeaderValue::from_static("none")),
        ("content-type", HeaderValue::from_static("text/html")),
        (
            "last-modified",
            HeaderValue::from_static("Wed, 01 Jan 2098 00:00:00 GMT"),
        ),
        (
            "last-modified",
            HeaderValue::from_static("Sunday, 06-Nov-94 08:49:37 GMT"),
        ),
        (
            "last-modified",
            HeaderValue::from_static("Sun Nov  6 08:49:37 1994"),
        ),
        ("content-disposition", disposition),
        ("age", HeaderValue::from_static("120")),
        ("content-digest", rest_digest),
    ] {
        cases.push(("bytes 5003-5102/150001", 100, Some(header)));
    }
    for (content_range, count, header) in cases {
        let mut template = ResponseTemplate::new(206)
            .insert_header("content-range", content_range)
            .set_body_bytes(file_bytes(HAD..HAD + count));
        let beside = match header {
            Some((name, value)) => {
                let shown = format!(
                    " and `{name}: {}`",
                    String::from_utf8_lossy(value.as_bytes())
                );
                template = template.insert_header(name, value);
                shown
            }
            None => String::new(),
        };
        let server = answering(template).await;
        let scratch = Scratch::new()?;
        let part = scratch.leave(&file_bytes(0..HAD))?;
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let seen = ranges_seen(&server).await;
        if seen.len() != 1 {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered 206 with `Content-Range: {content_range}`\
                 {beside} and those {count} byte(s), the server received these requests (Range \
                 header, sent by the client given): {seen:?}; expected one: the function sends one GET \
                 and appends what that 206 brings, however little (the next call asks for the \
                 rest)"
            )));
        }
        let expected = file_bytes(0..HAD + count);
        if !matches!(result, Ok(size) if size == HAD + count)
            || contents(&part) != Some(expected.clone())
        {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered 206 with `Content-Range: {content_range}`\
                 {beside} and those {count} byte(s), the function returned {} and the part is {}; \
                 expected Ok({}) and the part {count} byte(s) longer: a 206 that starts at byte N is \
                 appended, whatever its LAST and SIZE (`*` when the server does not know the \
                 size) and whatever other headers it carries, and `Ok` carries the part's size \
                 once the body is in (not the size `Content-Range` names)",
                describe(&result),
                compare(&part, &expected),
                HAD + count
            )));
        }
    }
    a_part_of_one_byte_is_resumed(candidate).await?;
    a_part_whose_name_is_not_utf8_is_resumed(candidate).await?;
    a_part_that_looks_like_a_web_page_is_resumed(candidate).await?;
    a_part_that_looks_like_an_xml_error_is_resumed(candidate).await?;
    a_part_over_4_gib_is_resumed(candidate).await?;
    a_part_that_is_a_link_is_resumed(candidate).await?;
    a_206_with_the_file_checksum_is_appended(candidate).await
}

/// On Unix, a part that is a symbolic link to the bytes an earlier attempt left (as a download
/// manager that keeps its files elsewhere makes): N is the size of the file it points to, and
/// the rest is appended there.
#[cfg(unix)]
async fn a_part_that_is_a_link_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let had = file_bytes(0..HAD);
    // In another folder than the link: the file a link names may be anywhere.
    let elsewhere = Scratch::new()?;
    let target = elsewhere.dir.join("kept-elsewhere.bin");
    std::fs::write(&target, &had)
        .map_err(|err| format!("the check could not write {}: {err}", target.display()))?;
    let part = scratch.part();
    std::os::unix::fs::symlink(&target, &part)
        .map_err(|err| format!("the check could not link {}: {err}", part.display()))?;
    let api = MockApi::start().await;
    let url = format!("{}/files/{SIZE}", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_of(&api);
    let expected_range = format!("bytes={HAD}-");
    let whole = file_bytes(0..SIZE);
    if seen == [(Some(expected_range.clone()), true)]
        && matches!(result, Ok(size) if size == SIZE)
        && contents(&part) == Some(whole.clone())
    {
        a_part_that_links_to_no_file_yet_is_no_part(candidate).await?;
        a_part_linked_by_a_relative_path_is_resumed(candidate).await?;
        return a_part_with_a_second_name_is_resumed(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part that is a symbolic link to a file of {HAD} bytes in another folder, the server received \
         these requests (Range header, sent by the client given): {seen:?}, the function \
         returned {} and the part is {}; expected one request with `Range: {expected_range}`, \
         Ok({SIZE}) and the whole file: N is the size of the file the part is (a link's size, \
         `symlink_metadata`, is the length of the path it holds), and the rest is appended to \
         it",
        describe(&result),
        compare(&part, &whole)
    )))
}

/// On Unix, a part that has a second name, a hard link beside it (as a backup tool that links
/// instead of copying leaves): one file under two names, resumed like any part, so both names
/// show the whole file (a part unlinked and started again under its own name fails: the other
/// name keeps the old bytes, and the part is asked for again from byte 0).
#[cfg(unix)]
async fn a_part_with_a_second_name_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let part = scratch.leave(&file_bytes(0..HAD))?;
    let second = scratch.dir.join("file.bin.part.backup");
    std::fs::hard_link(&part, &second)
        .map_err(|err| format!("the check could not link {}: {err}", second.display()))?;
    let api = MockApi::start().await;
    let url = format!("{}/files/{SIZE}", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_of(&api);
    let whole = file_bytes(0..SIZE);
    if seen == [(Some(format!("bytes={HAD}-")), true)]
        && matches!(result, Ok(size) if size == SIZE)
        && contents(&part) == Some(whole.clone())
        && contents(&second) == Some(whole.clone())
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes that has a second name (a hard link beside it, \
         `file.bin.part.backup`), the server received these requests (Range header, sent by \
         the client given): {seen:?}, the function returned {}, the part is {} and its second \
         name {}; expected one request with `Range: bytes={HAD}-`, Ok({SIZE}) and the whole \
         file under both names: `part` is the file the path names, resumed where it is (the \
         call changes that file, and makes no other)",
        describe(&result),
        compare(&part, &whole),
        compare(&second, &whole)
    )))
}

/// On Unix, a part that is a symbolic link holding a relative path, `../kept/rest.bin` (as `ln
/// -s ../kept/rest.bin` makes), to 5,003 bytes: resumed. The system reads the path from the
/// link's own folder; the same text read from the working directory names no file.
#[cfg(unix)]
async fn a_part_linked_by_a_relative_path_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let had = file_bytes(0..HAD);
    let scratch = Scratch::new()?;
    let kept = scratch.dir.join("kept");
    let links = scratch.dir.join("links");
    let part = links.join("file.bin.part");
    std::fs::create_dir_all(&kept)
        .and_then(|()| std::fs::create_dir_all(&links))
        .and_then(|()| std::fs::write(kept.join("rest.bin"), &had))
        .and_then(|()| std::os::unix::fs::symlink("../kept/rest.bin", &part))
        .map_err(|err| format!("the check could not link {}: {err}", part.display()))?;
    resumes_from_its_size(
        candidate,
        &part,
        &had,
        &format!(
            "a part that is a symbolic link holding the relative path `../kept/rest.bin`, to a \
             file of {HAD} bytes"
        ),
        "the path a link holds is read from the link's own folder, as the system reads it \
         when the part is opened (read from the working directory it names no file)",
    )
    .await
}

/// On Unix, a part that is a symbolic link to a file not made yet (in a folder that is there):
/// no part, so one GET with no `Range`, and the file written through the link.
#[cfg(unix)]
async fn a_part_that_links_to_no_file_yet_is_no_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let target = scratch.dir.join("kept-elsewhere.bin");
    let part = scratch.part();
    std::os::unix::fs::symlink(&target, &part)
        .map_err(|err| format!("the check could not link {}: {err}", part.display()))?;
    let api = MockApi::start().await;
    let url = format!("{}/files/{SIZE}", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_of(&api);
    let whole = file_bytes(0..SIZE);
    // Read through the path: the file the link names, or a file made in the link's place.
    if seen == [(None, true)]
        && matches!(result, Ok(size) if size == SIZE)
        && contents(&part) == Some(whole.clone())
    {
        return paths_the_system_resolves(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part that is a symbolic link to a file not made yet, the server received these \
         requests (Range header, sent by the client given): {seen:?}, the function returned {} \
         and the part is {}; expected one request with no `Range`, Ok({SIZE}) and the whole \
         file: a part that does not exist yet is no part (N = 0), and the file is written at \
         its path, link or not",
        describe(&result),
        compare(&part, &whole)
    )))
}

/// On Unix, `part` is a path as the system reads it: `{dir}/link/../x.part`, where `link` is a
/// symbolic link to `{dir}/deep/dir`, is `{dir}/deep/x.part` (a path tidied as text, as
/// Python's `os.path.normpath` does, is another file); and a name with a backslash in it,
/// `file\bin.part`, is one name (a backslash taken for a separator is another file); and a
/// part given as a path relative to the working directory is that path (a folder of one's own
/// put before it is another file), and so is a bare file name (whose parent is the empty path).
#[cfg(unix)]
async fn paths_the_system_resolves<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    // Characters Windows refuses in a name, each an ordinary one on Unix.
    const RESERVED_ON_WINDOWS: &str = "a:b*c?\"d\"<e>|f.part";
    // A name of 250 bytes: a file of a name 6 bytes longer (a note beside it) cannot be made.
    let longest = format!("{}.part", "n".repeat(245));
    let scratch = Scratch::new()?;
    let deep = scratch.dir.join("deep");
    std::fs::create_dir_all(deep.join("dir"))
        .and_then(|()| std::os::unix::fs::symlink(deep.join("dir"), scratch.dir.join("link")))
        .and_then(|()| std::fs::write(deep.join("x.part"), file_bytes(0..HAD)))
        .and_then(|()| std::fs::write(scratch.dir.join("file\\bin.part"), file_bytes(0..HAD)))
        .and_then(|()| std::fs::write(scratch.dir.join(RESERVED_ON_WINDOWS), file_bytes(0..HAD)))
        .and_then(|()| std::fs::write(scratch.dir.join("file.bin.crdownload"), file_bytes(0..HAD)))
        .and_then(|()| std::fs::write(scratch.dir.join(&longest), file_bytes(0..HAD)))
        .map_err(|err| {
            format!(
                "the check could not lay out {}: {err}",
                scratch.dir.display()
            )
        })?;
    // A folder near the working directory, in the build's folder for tests' scratch files, so
    // that the path relative to the working directory need not climb to the root.
    let near = Scratch::under(Path::new(env!("CARGO_TARGET_TMPDIR")))?;
    let bare = InHere::leave(&file_bytes(0..HAD))?;
    let whole = file_bytes(0..SIZE);
    for (part, lands, what) in [
        (
            scratch.dir.join("link/../x.part"),
            deep.join("x.part"),
            "`link/../x.part`, where `link` is a symbolic link to `deep/dir` (so the part is \
             `deep/x.part`, as the system reads the path)",
        ),
        (
            scratch.dir.join("file\\bin.part"),
            scratch.dir.join("file\\bin.part"),
            "`file\\bin.part`, a name with a backslash in it (one name on Unix)",
        ),
        (
            scratch.dir.join(RESERVED_ON_WINDOWS),
            scratch.dir.join(RESERVED_ON_WINDOWS),
            "`a:b*c?\"d\"<e>|f.part`, a name with characters Windows refuses (ordinary ones on \
             Unix)",
        ),
        (
            scratch.dir.join("file.bin.crdownload"),
            scratch.dir.join("file.bin.crdownload"),
            "`file.bin.crdownload`, a name that does not end in `.part` (the caller's choice)",
        ),
        (
            scratch.dir.join(&longest),
            scratch.dir.join(&longest),
            "`nnn…n.part`, a name of 250 bytes (near the 255 a name may have: a file of one's \
             own beside it, its name longer, cannot be made)",
        ),
        (
            relative_from_here(&near.leave(&file_bytes(0..HAD))?)?,
            near.part(),
            "a path relative to the working directory, into the build's own folder of \
             scratch files (`CARGO_TARGET_TMPDIR`)",
        ),
        (
            bare.name.clone(),
            bare.name.clone(),
            "a bare file name, in the working directory itself (a path whose `parent()` is \
             `Some(\"\")`, the empty path, not `None`)",
        ),
    ] {
        let api = MockApi::start().await;
        let url = format!("{}/files/{SIZE}", api.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let seen = ranges_of(&api);
        if seen != [(Some(format!("bytes={HAD}-")), true)]
            || !matches!(result, Ok(size) if size == SIZE)
            || contents(&lands) != Some(whole.clone())
        {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes at {what}, the server received these requests \
                 (Range header, sent by the client given): {seen:?}, the function returned {} \
                 and the part is {}; expected one request with `Range: bytes={HAD}-`, \
                 Ok({SIZE}) and the whole file: `part` is the file the system finds at that \
                 path, read and written through the path as it is given",
                describe(&result),
                compare(&lands, &whole)
            )));
        }
    }
    a_write_that_fails_is_an_error(candidate).await
}

/// A part named by a bare file name, in the working directory (the package's folder, under
/// `cargo test`), hidden, removed when dropped with whatever an answer left beside it.
#[cfg(unix)]
struct InHere {
    name: PathBuf,
}

#[cfg(unix)]
impl InHere {
    fn leave(bytes: &[u8]) -> Result<InHere, String> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let name = PathBuf::from(format!(
            ".course-exercise-16-{}-{}.part",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&name, bytes)
            .map_err(|err| format!("the check could not write {}: {err}", name.display()))?;
        Ok(InHere { name })
    }
}

#[cfg(unix)]
impl Drop for InHere {
    /// Removes the part, and whatever an answer left beside it under a name that begins with
    /// the part's (a note of its own, `….part.etag`, say).
    fn drop(&mut self) {
        let Ok(entries) = std::fs::read_dir(".") else {
            return;
        };
        for entry in entries.flatten() {
            if entry
                .file_name()
                .as_encoded_bytes()
                .starts_with(self.name.as_os_str().as_encoded_bytes())
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// `path` (absolute) as a path relative to the working directory: `..` up to the folder both
/// are in, then down to it.
#[cfg(unix)]
fn relative_from_here(path: &Path) -> Result<PathBuf, String> {
    let here = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .map_err(|err| format!("the check could not read the working directory: {err}"))?;
    let path = std::fs::canonicalize(path)
        .map_err(|err| format!("the check could not resolve {}: {err}", path.display()))?;
    let shared = here
        .components()
        .zip(path.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut relative = PathBuf::new();
    for _ in here.components().skip(shared) {
        relative.push("..");
    }
    relative.extend(path.components().skip(shared));
    Ok(relative)
}

/// On Linux, a part that is a symbolic link to `/dev/full`, where every write fails as on a
/// full disk, answered 200 with 7,000 bytes: an `Err(File(..))` (an `Ok` returned with the
/// flush's error put aside claims bytes that are not on the disk).
#[cfg(unix)]
async fn a_write_that_fails_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let full = Path::new("/dev/full");
    if !cfg!(target_os = "linux") || !full.exists() {
        return Ok(());
    }
    let scratch = Scratch::new()?;
    let part = scratch.part();
    std::os::unix::fs::symlink(full, &part)
        .map_err(|err| format!("the check could not link {}: {err}", part.display()))?;
    let api = MockApi::start().await;
    let url = format!("{}/files/7000", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_of(&api);
    if seen != [(None, true)] {
        return Err(EXERCISE.fail(&format!(
            "with a part that is a link to `/dev/full` (whose size is 0), the server received \
             these requests (Range header, sent by the client given): {seen:?}; expected one \
             request with no `Range`: a part of 0 bytes is a start from nothing"
        )));
    }
    // Still the link (never read through it: `/dev/full` reads as zeros without end), or a
    // file of the call's own put in its place (the part removed and made anew).
    let replaced = std::fs::symlink_metadata(&part).is_ok_and(|meta| meta.file_type().is_file());
    let written = replaced && contents(&part) == Some(file_bytes(0..7000));
    if matches!(result, Err(ResumeError::File(_))) || (matches!(result, Ok(7000)) && written) {
        return an_unasked_206_into_a_device_is_no_new_file(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part that is a link to `/dev/full` (a device where every write fails, as on a \
         full disk), answered 200 with 7,000 bytes, the function returned {}{}; expected \
         Err(File(..)), or Ok(7000) with the bytes in a file put in the link's place: `Ok` only \
         once every byte is written and flushed, and an error writing or flushing is the call's \
         `File` error",
        describe(&result),
        if replaced {
            ""
        } else {
            " and the part is still the link"
        }
    )))
}

/// The same link to `/dev/full`, answered 206 with `Content-Range: bytes 0-6999/7000`, which
/// no `Range` asked for: appended through the link, where the write fails (`Err(File(..))`), or
/// refused as `WrongRange`; the link stays a link either way. Only a 200 starts the part over: a
/// 206 put into a new file made in the link's place was appended to nothing.
#[cfg(unix)]
async fn an_unasked_206_into_a_device_is_no_new_file<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let part = scratch.part();
    std::os::unix::fs::symlink("/dev/full", &part)
        .map_err(|err| format!("the check could not link {}: {err}", part.display()))?;
    let server = answering(
        ResponseTemplate::new(206)
            .insert_header("content-range", "bytes 0-6999/7000")
            .set_body_bytes(file_bytes(0..7000)),
    )
    .await;
    let url = format!("{}/files/7000", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let still_a_link =
        std::fs::symlink_metadata(&part).is_ok_and(|meta| meta.file_type().is_symlink());
    let allowed = matches!(
        result,
        Err(ResumeError::File(_)) | Err(ResumeError::WrongRange { asked: 0, .. })
    );
    if allowed && still_a_link {
        return a_last_write_that_fails_is_an_error(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part that is a link to `/dev/full` (whose size is 0, so no `Range` was asked), \
         answered 206 with `Content-Range: bytes 0-6999/7000`, the function returned {}{}; \
         expected Err(File(..)) from writing through the link, or Err(WrongRange {{ asked: 0, \
         .. }}), with the link left as it was: a 206 is appended to `part` as it is, and only a \
         200 starts the part over",
        describe(&result),
        if still_a_link {
            ""
        } else {
            " and the link is gone, another file in its place"
        }
    )))
}

/// On Linux, a part 100 bytes short of the largest file its file system allows (a sparse file:
/// no disk is used), answered 206 with the next 150 bytes in one piece: the write stops after
/// 100 bytes and fails with `EFBIG`, as a write fails on a full disk, while syncing the file
/// still succeeds. `Err(File(..))`: tokio's `File` reports the failed write from `flush`, and
/// `sync_all`, `set_len` or reading the position set it aside.
#[cfg(unix)]
async fn a_last_write_that_fails_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let Some(had) = std::fs::File::create(&part).ok().and_then(|file| {
        largest_size(&file).and_then(|largest| {
            let had = largest - 100;
            file.set_len(had).ok().map(|()| had)
        })
    }) else {
        // A file system with no limit the checks can find, or no sparse files: nothing to see.
        return Ok(());
    };
    let next = 150;
    let server = answering(
        ResponseTemplate::new(206)
            .insert_header(
                "content-range",
                format!("bytes {had}-{}/{}", had + next - 1, had + next).as_str(),
            )
            .set_body_bytes(file_bytes(0..next)),
    )
    .await;
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if matches!(result, Err(ResumeError::File(_))) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {had} bytes, 100 bytes short of the largest file its file system allows, \
         answered 206 with the next {next} bytes in one piece (writing them stops after 100 and \
         fails with `EFBIG`, as a write fails on a full disk), the function returned {}; \
         expected Err(File(..)): `Ok` only once every byte is written and flushed, and tokio's \
         `File` reports a write that failed from `flush()` (`sync_all`, `set_len` or reading \
         the position set that error aside)",
        describe(&result)
    )))
}

/// The largest size `file`'s file system lets a file have (`set_len` one byte more fails with
/// `EFBIG`), found by halving; `None` when it is too small to be of use.
#[cfg(unix)]
fn largest_size(file: &std::fs::File) -> Option<u64> {
    // `set_len` takes up to `i64::MAX`, which `fits` may reach; `refused` is one past it.
    let (mut fits, mut refused) = (0_u64, 1_u64 << 63);
    while refused - fits > 1 {
        let middle = fits + (refused - fits) / 2;
        if file.set_len(middle).is_ok() {
            fits = middle;
        } else {
            refused = middle;
        }
    }
    (fits > 1 << 32).then_some(fits)
}

#[cfg(not(unix))]
async fn a_part_that_is_a_link_is_resumed<F>(_candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    Ok(())
}

/// A 206 with all the rest of the file, and the whole file's SHA-256 in `X-Checksum-Sha256`, as
/// artifact repositories send it: appended (the checksum is the file's, not the 206's body's).
/// Then the same 206 with `Content-Encoding: gzip`, as a store that keeps the file coded sends
/// its stored bytes: appended too; and with `Cache-Control: no-store`, a `Content-Location` of
/// another name, and a `Content-Disposition` naming another file: appended each time.
async fn a_206_with_the_file_checksum_is_appended<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let checksum = lesson_11::hex(&lesson_11::expected_sha256(SIZE));
    // Then the same rest from a store that keeps the file gzipped and serves its bytes as they
    // are stored (`Content-Encoding: gzip`): the part holds the stored bytes, and the rest of
    // them is appended like any other.
    for (headers, what) in [
        (
            &[("x-checksum-sha256", checksum.as_str())][..],
            "a checksum in its head is the whole file's, not its body's",
        ),
        (
            &[("content-encoding", "gzip")][..],
            "the part holds the file as the server stores it, coded or not, and the rest of it \
             comes the same way",
        ),
        // Fields of the head that say nothing of where the body starts: what caches may keep,
        // another name for the same file, the name the server suggests for saving it.
        (
            &[("cache-control", "no-store")][..],
            "what caches may keep of an answer says nothing of where its body starts",
        ),
        (
            &[("content-location", "/files/150001.bin")][..],
            "another address the server gives for the same file changes nothing",
        ),
        (
            &[(
                "content-disposition",
                "attachment; filename=\"report-final.bin\"",
            )][..],
            "the name the server suggests for saving the file says nothing of the part's own",
        ),
        // What the answer may vary with, a tag without its quotes (a server's slip), a type of
        // the file's own that is multipart, a date the same second as the answer's: none says
        // where the body starts.
        (
            &[("vary", "Accept-Encoding")][..],
            "which request headers a cache keys the answer by says nothing of its bytes",
        ),
        (
            &[("etag", "5f3a1c-24a11")][..],
            "a tag is the server's name for the version, quoted or not, and nothing asked to \
             compare it",
        ),
        (
            &[("content-type", "multipart/related; boundary=\"part\"")][..],
            "the file's own type may be any, multipart too; only a 206 with no `Content-Range` \
             is made of parts",
        ),
        (
            &[
                ("last-modified", "Mon, 07 Dec 2026 09:30:00 GMT"),
                ("date", "Mon, 07 Dec 2026 09:30:00 GMT"),
            ][..],
            "a date the same second as the answer's is a weak validator, and nothing asked to \
             compare one",
        ),
    ] {
        let server = answering(
            ResponseTemplate::new(206)
                .insert_header("content-range", "bytes 5003-150000/150001")
                .append_headers(headers.iter().copied())
                .set_body_bytes(file_bytes(HAD..SIZE)),
        )
        .await;
        let head: Vec<String> = headers
            .iter()
            .map(|(name, value)| format!("`{name}: {value}`"))
            .collect();
        let scratch = Scratch::new()?;
        let part = scratch.leave(&file_bytes(0..HAD))?;
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let whole = file_bytes(0..SIZE);
        if !matches!(result, Ok(size) if size == SIZE) || contents(&part) != Some(whole.clone()) {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered 206 with `Content-Range: bytes \
                 5003-150000/150001`, the rest of the file, and {}, the function \
                 returned {} and the part is {}; expected Ok({SIZE}) and the whole file: a 206 \
                 that starts at byte N is appended ({what})",
                head.join(" and "),
                describe(&result),
                compare(&part, &whole)
            )));
        }
    }
    a_206_in_older_framings_is_appended(candidate).await
}

/// The rest of the file in a 206 framed two older ways: a status line that says `HTTP/1.0`, as
/// a server built on Python's `http.server` (HTTP/1.0 by default) or an old proxy sends it, and
/// a `Content-Length` written as a list of the same number twice (`45, 45`, as a proxy that
/// joins two copies of the field writes it, which HTTP allows and hyper reads): appended each
/// time. How an answer is framed says nothing of which bytes it holds; its `Content-Range` does.
async fn a_206_in_older_framings_is_appended<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let came = "the rest of the file, from an older server";
    let total = HAD + came.len() as u64;
    let content_range = format!("bytes {HAD}-{}/{total}", total - 1);
    let length = came.len();
    for (status_line, content_length) in [
        ("HTTP/1.0 206 Partial Content", format!("{length}")),
        (
            "HTTP/1.1 206 Partial Content",
            format!("{length}, {length}"),
        ),
    ] {
        let reply = format!(
            "{status_line}\r\nContent-Range: {content_range}\r\nContent-Length: \
             {content_length}\r\n\r\n{came}"
        );
        let had = file_bytes(0..HAD);
        let scratch = Scratch::new()?;
        let part = scratch.leave(&had)?;
        // At an address with a path, as a file's is (`url` as given, in the form the `Url`
        // crate writes it).
        let server = RawAnswerServer::start(reply, false).await?;
        let url = format!("{}/files/{total}", server.url);
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let expected = [had.as_slice(), came.as_bytes()].concat();
        if !matches!(result, Ok(size) if size == total) || contents(&part) != Some(expected.clone())
        {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered `{status_line}` with `Content-Range: \
                 {content_range}`, `Content-Length: {content_length}` and the {length} bytes of \
                 the rest, the function returned {} and the part is {}; expected Ok({total}) and \
                 those bytes appended: a 206 whose `Content-Range` starts at byte N is appended, \
                 whatever HTTP version its status line names and however its length is written",
                describe(&result),
                compare(&part, &expected)
            )));
        }
    }
    Ok(())
}

/// A part of a single byte: a part all the same, resumed from byte 1.
async fn a_part_of_one_byte_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let had = file_bytes(0..1);
    let part = scratch.leave(&had)?;
    // Beside it, a lock file that some other program, or an attempt killed long ago, left: not
    // the part, and no reason not to resume it.
    let lock = scratch.dir.join("file.bin.part.lock");
    std::fs::write(&lock, b"4242\n")
        .map_err(|err| format!("the check could not write {}: {err}", lock.display()))?;
    resumes_from_its_size(
        candidate,
        &part,
        &had,
        "a part of 1 byte (and a `file.bin.part.lock` beside it, left by another program)",
        "any part over 0 bytes, however small, is resumed from its size, whatever other files \
         lie beside it",
    )
    .await?;
    let left = std::fs::read(&lock).ok();
    if left.as_deref() == Some(b"4242\n".as_slice()) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of 1 byte and a `file.bin.part.lock` beside it (another program's, holding \
         `4242`), the download went right, but the lock file is {} after the call; expected it \
         as it was: the function works on `part` alone, and leaves every other file, another \
         program's lock included, as it found it",
        left.map_or("gone".to_owned(), |bytes| format!(
            "now {:?}",
            String::from_utf8_lossy(&bytes)
        ))
    )))
}

/// Resumes `part`, which holds `had`, from the mock's file of [`SIZE`] bytes: one request with
/// `Range: bytes={N}-`, then `Ok(SIZE)` and `had` followed by the rest of the file. The failure
/// says what the part was (`with`) and the rule broken (`rule`).
async fn resumes_from_its_size<F>(
    candidate: &F,
    part: &Path,
    had: &[u8],
    with: &str,
    rule: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let api = MockApi::start().await;
    let url = format!("{}/files/{SIZE}", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, part))
        .await?;
    let seen = ranges_of(&api);
    let n = had.len() as u64;
    let mut whole = had.to_vec();
    whole.extend(file_bytes(n..SIZE));
    if seen == [(Some(format!("bytes={n}-")), true)]
        && matches!(result, Ok(size) if size == SIZE)
        && contents(part) == Some(whole.clone())
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with {with}, the server received these requests (Range header, sent by the client \
         given): {seen:?}, the function returned {} and the part is {}; expected one request \
         with `Range: bytes={n}-`, then Ok({SIZE}) and those {n} bytes followed by the rest of \
         the file: {rule}",
        describe(&result),
        compare(part, &whole)
    )))
}

/// A part whose first bytes look like a web page (the file may be one): its bytes are the first
/// of the file, however they look, and the rest is asked for from its size.
async fn a_part_that_looks_like_a_web_page_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let page = b"<!DOCTYPE html>\n<html><head><title>an error?</title>";
    let scratch = Scratch::new()?;
    let part = scratch.leave(page)?;
    resumes_from_its_size(
        candidate,
        &part,
        page,
        &format!(
            "a part of {} bytes that start `<!DOCTYPE html>`",
            page.len()
        ),
        "N is the part's size, whatever its bytes look like",
    )
    .await?;
    a_part_dated_ahead_is_resumed(candidate).await
}

/// A part last written a day from now, as a part copied from a machine whose clock runs ahead
/// (or touched with a date to come) is: resumed like any other (its age, `elapsed()` on its
/// time, is an error, and unwrapping it panics).
async fn a_part_dated_ahead_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let had = file_bytes(0..HAD);
    let scratch = Scratch::new()?;
    let part = scratch.leave(&had)?;
    let tomorrow = std::time::SystemTime::now() + Duration::from_secs(24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&part)
        .and_then(|file| file.set_modified(tomorrow))
        .map_err(|err| format!("the check could not date {}: {err}", part.display()))?;
    resumes_from_its_size(
        candidate,
        &part,
        &had,
        &format!("a part of {HAD} bytes last written a day from now (its clock ahead of ours)"),
        "N is the part's size, whatever time the part says it was written",
    )
    .await
}

/// A part whose bytes look like a storage service's XML error page: the same as a web page.
async fn a_part_that_looks_like_an_xml_error_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let page = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>";
    let scratch = Scratch::new()?;
    let part = scratch.leave(page)?;
    resumes_from_its_size(
        candidate,
        &part,
        page,
        &format!(
            "a part of {} bytes that start `<?xml` and then `<Error>`",
            page.len()
        ),
        "N is the part's size, whatever its bytes look like",
    )
    .await
}

/// A part whose name is not UTF-8, as a file name on Linux may be (`caf\xE9.part`, written in
/// Latin-1): the part is the `Path` given, not a name made from its text.
#[cfg(unix)]
async fn a_part_whose_name_is_not_utf8_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    use std::os::unix::ffi::OsStrExt;

    // First a name in UTF-8 whose letters take two bytes each: its 24th byte falls inside one
    // (a name cut by bytes, `&name[..24]`, panics).
    let scratch = Scratch::new()?;
    let part = scratch.dir.join("договор-аренды.pdf.part");
    let had = file_bytes(0..HAD);
    std::fs::write(&part, &had)
        .map_err(|err| format!("the check could not write {}: {err}", part.display()))?;
    resumes_from_its_size(
        candidate,
        &part,
        &had,
        &format!("a part of {HAD} bytes named `договор-аренды.pdf.part` (Cyrillic, in UTF-8)"),
        "the part is the `Path` given, whatever letters its name holds (a name cut at a byte \
         count may cut a letter in two, and slicing a `str` there panics)",
    )
    .await?;

    let scratch = Scratch::new()?;
    let part = scratch
        .dir
        .join(std::ffi::OsStr::from_bytes(b"caf\xE9.part"));
    let had = file_bytes(0..HAD);
    std::fs::write(&part, &had)
        .map_err(|err| format!("the check could not write {}: {err}", part.display()))?;
    resumes_from_its_size(
        candidate,
        &part,
        &had,
        &format!(
            "a part of {HAD} bytes named `caf\\xE9.part` (a name that is not UTF-8, as Linux \
             allows)"
        ),
        "the part is the `Path` given, used as it is (a name made from its text, \
         `to_string_lossy` or `display`, is another file)",
    )
    .await
}

#[cfg(not(unix))]
async fn a_part_whose_name_is_not_utf8_is_resumed<F>(_candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    Ok(())
}

/// A part of 4 GiB and more, whose N does not fit a `u32`: asked for and appended as any other.
/// The part is a sparse file (only its last bytes are on the disk), which the file systems of
/// Linux and macOS make at no cost; Windows would write the 4 GiB, so the check is for Unix.
#[cfg(unix)]
async fn a_part_over_4_gib_is_resumed<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    use std::io::{Read, Seek, SeekFrom};

    let had: u64 = (1 << 32) + HAD;
    let count: u64 = 100;
    let content_range = format!("bytes {had}-{}/{}", had + count - 1, had + count);
    let rest = file_bytes(HAD..HAD + count);
    let server = answering(
        ResponseTemplate::new(206)
            .insert_header("content-range", content_range.as_str())
            .set_body_bytes(rest.clone()),
    )
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    std::fs::File::create(&part)
        .and_then(|file| file.set_len(had))
        .map_err(|err| format!("the check could not make a sparse part: {err}"))?;
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_seen(&server).await;
    let expected_range = format!("bytes={had}-");
    if seen != [(Some(expected_range.clone()), true)] {
        return Err(EXERCISE.fail(&format!(
            "with a part of {had} bytes (over 4 GiB), the server received these requests (Range \
             header, sent by the client given): {seen:?}; expected one, with `Range: \
             {expected_range}`: N is the part's size, a `u64`"
        )));
    }
    // The part's size, and its last bytes (the rest of it is a hole of zeros).
    let tail = std::fs::File::open(&part).and_then(|mut file| {
        let len = file.metadata()?.len();
        file.seek(SeekFrom::Start(had))?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail)?;
        Ok((len, tail))
    });
    let appended = matches!(&tail, Ok((len, tail)) if *len == had + count && *tail == rest);
    if matches!(result, Ok(size) if size == had + count) && appended {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {had} bytes (over 4 GiB), answered 206 with `Content-Range: \
         {content_range}` and those {count} bytes, the function returned {} and the part is {}; \
         expected Ok({}) and the {count} bytes appended: a 206 that starts at byte N is appended \
         whatever the size of N (read FIRST, LAST and SIZE as `u64`, as N is)",
        describe(&result),
        match &tail {
            Ok((len, _)) if appended => format!("{len} bytes, as expected"),
            Ok((len, _)) => format!("{len} bytes, not ending in the bytes sent"),
            Err(err) => format!("unreadable ({err})"),
        },
        had + count
    )))
}

#[cfg(not(unix))]
async fn a_part_over_4_gib_is_resumed<F>(_candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    Ok(())
}

pub async fn starts_again_on_a_200<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    // With a `Content-Range` that a 200 has no business sending, and `Accept-Ranges: bytes`
    // (the server takes ranges, and sent the whole file all the same: it changed, say): the
    // status decides.
    let server = answering(
        ResponseTemplate::new(200)
            .insert_header("content-range", "bytes 5003-150000/150001")
            .insert_header("accept-ranges", "bytes")
            .set_body_bytes(file_bytes(0..SIZE)),
    )
    .await;
    let scratch = Scratch::new()?;
    // Other bytes than the file's: a version that changed since.
    let part = scratch.leave(&vec![0xAA; HAD as usize])?;
    // Beside it, a file of another program's under the part's name and `.old`.
    let old = scratch.dir.join("file.bin.part.old");
    let old_bytes = b"another program's file".to_vec();
    std::fs::write(&old, &old_bytes)
        .map_err(|err| format!("the check could not write {}: {err}", old.display()))?;
    let old_was = identity(&old);
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let whole = file_bytes(0..SIZE);
    if matches!(result, Ok(size) if size == SIZE) && contents(&part) == Some(whole.clone()) {
        if let Some(change) = changed_beside(&old, &old_bytes, old_was) {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes and another program's file `file.bin.part.old` \
                 beside it, answered 200 with the whole {SIZE}-byte file, the part is the file, \
                 as expected, and `file.bin.part.old` {change}; expected it as it was: the call \
                 changes the file `part` and no other"
            )));
        }
        return a_short_200_replaces_a_longer_part(candidate).await;
    }
    if contents(&part) == Some(whole.clone()) {
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes, answered 200 with the whole {SIZE}-byte file, the part \
             is the file, as expected, but the function returned {}; expected Ok({SIZE}): `Ok` \
             carries the part's size once the body is in, and after a 200 that is the body's \
             length alone (count from 0, not from the {HAD} bytes the part held)",
            describe(&result)
        )));
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 200 with the whole {SIZE}-byte file (the server \
         ignored the range; it saw {:?}), the function returned {} and the part is {}; expected \
         Ok({SIZE}) and the file alone: a 200 is the whole file from its first byte, so the \
         part is emptied before the body is written (`File::create`), not appended to",
        ranges_seen(&server).await,
        describe(&result),
        compare(&part, &whole)
    )))
}

/// A 200 shorter than the part: the part is exactly the body afterwards, nothing of the old
/// bytes after it.
async fn a_short_200_replaces_a_longer_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    // A web page, sent as `text/html`: the file may be one, and a 200 is the file whatever its
    // type or its first bytes. Then the same page after a byte-order mark, as some editors save
    // one: the mark is a part of the file too.
    for (mark, shown) in [("", ""), ("\u{feff}", "a UTF-8 byte-order mark and ")] {
        let mut page =
            format!("{mark}<!DOCTYPE html>\n<html><head><title>file</title></head><body>\n")
                .into_bytes();
        page.extend(file_bytes(0..1000 - page.len() as u64));
        let server = answering(
            ResponseTemplate::new(200).set_body_raw(page.clone(), "text/html; charset=utf-8"),
        )
        .await;
        let scratch = Scratch::new()?;
        let part = scratch.leave(&vec![0xAA; HAD as usize])?;
        let url = format!("{}/files/1000", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let whole = page;
        if !matches!(result, Ok(1000)) || contents(&part) != Some(whole.clone()) {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered 200 with a file of 1000 bytes (it shrank), \
                 a web page starting with {shown}`<!DOCTYPE html>`, sent as `text/html`, the \
                 function returned {} and the part is {}; expected Ok(1000) and exactly those \
                 1000 bytes: a 200 is the whole file, whatever its `Content-Type` or its first \
                 bytes, and the part is emptied before the body is written (writing from byte 0 \
                 over it leaves its old tail)",
                describe(&result),
                compare(&part, &whole)
            )));
        }
    }
    an_empty_200_empties_the_part(candidate).await
}

/// A 200 with no body at all (the file is empty now): the part is emptied all the same, though
/// no piece ever arrives.
async fn an_empty_200_empties_the_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = answering(ResponseTemplate::new(200)).await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&vec![0xAA; HAD as usize])?;
    let url = format!("{}/files/0", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    // A part of 0 bytes and no part are the same to the contract.
    if matches!(result, Ok(0)) && contents(&part).unwrap_or_default().is_empty() {
        return a_same_size_200_is_written(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 200 with an empty body (the file is empty now), \
         the function returned {} and the part is {}; expected Ok(0) and an empty part: a 200 \
         empties the part when its status arrives, before any piece (a part opened only when \
         the first piece comes keeps its old bytes, and the next call appends to them)",
        describe(&result),
        compare(&part, &[])
    )))
}

/// A 200 of exactly the part's size, with other bytes (the file changed): written all the same.
async fn a_same_size_200_is_written<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = answering(ResponseTemplate::new(200).set_body_bytes(file_bytes(0..HAD))).await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&vec![0xAA; HAD as usize])?;
    let url = format!("{}/files/{HAD}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let whole = file_bytes(0..HAD);
    if matches!(result, Ok(size) if size == HAD) && contents(&part) == Some(whole.clone()) {
        return a_chunked_200_and_a_large_one_are_written(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 200 with a file of {HAD} bytes, other bytes than \
         the part's (the file changed, its size did not), the function returned {} and the part \
         is {}; expected Ok({HAD}) and the new bytes: a 200 is the whole file, written whatever \
         its size (a `Content-Length` equal to the part's size does not mean the part is the \
         file)",
        describe(&result),
        compare(&part, &whole)
    )))
}

/// A 200 in chunks, with no `Content-Length`, over a part of 5,003 other bytes: the file, from
/// its first byte (a 200 whose size is unknown is the whole file all the same). Then, with no
/// part, a 200 of 3 MiB sent at once: `Ok(3145728)` and the file (a rate of bytes per whole
/// second divides by zero before a second has passed).
async fn a_chunked_200_and_a_large_one_are_written<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..SIZE), "application/octet-stream").chunked()
    })
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&vec![0xAA; HAD as usize])?;
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let whole = file_bytes(0..SIZE);
    if !matches!(result, Ok(size) if size == SIZE) || contents(&part) != Some(whole.clone()) {
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes, answered 200 with the {SIZE}-byte file in chunks (no \
             `Content-Length`), the function returned {} and the part is {}; expected \
             Ok({SIZE}) and the file alone: a 200 is the whole file, the part emptied first, \
             whether or not its length is announced",
            describe(&result),
            compare(&part, &whole)
        )));
    }
    let large: u64 = 3 * 1024 * 1024;
    let server = answering(ResponseTemplate::new(200).set_body_bytes(file_bytes(0..large))).await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{large}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if matches!(result, Ok(size) if size == large) && contents(&part) == Some(file_bytes(0..large))
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with no part, answered 200 with a file of {large} bytes (3 MiB) sent at once, the \
         function returned {} and the part is {}; expected Ok({large}) and the whole file: \
         however fast the body comes (a rate counted per whole second divides by zero before \
         the first second is over)",
        describe(&result),
        compare(&part, &file_bytes(0..large))
    )))
}

pub async fn refuses_a_206_for_other_bytes<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    for (content_range, body) in [
        (Some("bytes 0-99/150001"), file_bytes(0..100)),
        // The whole file, as a 206: still not the rest that was asked for.
        (Some("bytes 0-150000/150001"), file_bytes(0..SIZE)),
        // Starts with the text `bytes 5003`, but at byte 50,030: a prefix test without the `-`.
        (Some("bytes 50030-50129/150001"), file_bytes(50_030..50_130)),
        // Holds `5003-`, but as the end of `15003`: a search for `{N}-` in the text.
        (Some("bytes 15003-15102/150001"), file_bytes(15_003..15_103)),
        // Not the form `bytes N-LAST/SIZE` at all, though 5003 is the first number in each: the
        // start is not "the first run of digits".
        (Some("items 5003-150000/150001"), file_bytes(HAD..SIZE)),
        (Some("bytes */5003"), file_bytes(HAD..SIZE)),
        // N written as a decimal and as an exponent: not digits, so not the form (numbers read
        // as `f64` take both for 5003).
        (Some("bytes 5003.0-150000/150001"), file_bytes(HAD..SIZE)),
        (Some("bytes 5.003e3-150000/150001"), file_bytes(HAD..SIZE)),
        // The `Range` header's form, not `Content-Range`'s.
        (Some("bytes=5003-150000/150001"), file_bytes(HAD..SIZE)),
        // No unit at all, and the unit twice: not the form either.
        (Some("5003-150000/150001"), file_bytes(HAD..SIZE)),
        (
            Some("bytes bytes 5003-150000/150001"),
            file_bytes(HAD..SIZE),
        ),
        // Another start, its unit in capitals: refused, its text given as it came.
        (Some("Bytes 0-99/150001"), file_bytes(0..100)),
        // Another start after two spaces: its text as it came, spaces and all.
        (
            Some("bytes  15003-15102/150001"),
            file_bytes(15_003..15_103),
        ),
        // And after a tab, which header text allows: its text as it came, the tab too.
        (
            Some("bytes\t15003-15102/150001"),
            file_bytes(15_003..15_103),
        ),
        // No range at all, for a file of 9 bytes: its text shorter than N's digits.
        (Some("bytes */9"), file_bytes(HAD..SIZE)),
        // Another start written with a leading zero: its text as it came, not as parsed.
        (Some("bytes 00-99/150001"), file_bytes(0..100)),
        // Another start, then a LAST whose span from 0 does not fit a `u64` (`LAST - FIRST + 1`).
        (Some("bytes 0-18446744073709551615/*"), file_bytes(0..100)),
        // A long header (69 characters): its text whole, not cut for a message.
        (
            Some("bytes 18446744073709551000-18446744073709551099/18446744073709551615"),
            file_bytes(0..100),
        ),
        (None, file_bytes(HAD..SIZE)),
    ] {
        let mut template = ResponseTemplate::new(206).set_body_bytes(body);
        if let Some(content_range) = content_range {
            template = template.insert_header("content-range", content_range);
        }
        let server = answering(template).await;
        let scratch = Scratch::new()?;
        let had = file_bytes(0..HAD);
        let part = scratch.leave(&had)?;
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let expected_text = content_range.unwrap_or_default();
        let refused = matches!(
            &result,
            Err(ResumeError::WrongRange { asked, content_range })
                if *asked == HAD && content_range == expected_text
        );
        if !refused || contents(&part) != Some(had.clone()) {
            let header = content_range.map_or("no `Content-Range`".to_owned(), |value| {
                format!("`Content-Range: {value}`")
            });
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered 206 with {header}, the function returned \
                 {} and the part is {}; expected Err(WrongRange {{ asked: {HAD}, content_range: \
                 {expected_text:?} }}) and the part as it was: a 206 is appended only if its \
                 `Content-Range` starts at byte N, in the form `bytes N-LAST/SIZE`; other bytes \
                 after the part would corrupt it",
                describe(&result),
                compare(&part, &had)
            )));
        }
    }
    a_206_that_ends_before_it_starts_is_no_panic(candidate).await?;
    a_content_range_that_is_not_text_is_refused(candidate).await?;
    an_unasked_206_is_appended_or_refused(candidate).await
}

/// `bytes 5003–150000/150001` with an en dash, sent as its UTF-8 bytes: not the form
/// `bytes N-LAST/SIZE`, and not text a header may hold (`to_str` refuses it). Refused, with its
/// text given as `""` or decoded as best one can; never a panic.
async fn a_content_range_that_is_not_text_is_refused<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    // An en dash in UTF-8, then the same dash as Windows-1252 writes it, one byte that is not
    // UTF-8 at all.
    for (bytes, shown) in [
        (
            "bytes 5003\u{2013}150000/150001".as_bytes(),
            "an en dash in UTF-8",
        ),
        (
            b"bytes 5003\x96150000/150001".as_slice(),
            "an en dash as the byte 0x96 of Windows-1252, not UTF-8",
        ),
    ] {
        let value = HeaderValue::from_bytes(bytes)
            .map_err(|err| format!("the check could not build its header: {err}"))?;
        let server = answering(
            ResponseTemplate::new(206)
                .insert_header("content-range", value)
                .set_body_bytes(file_bytes(HAD..SIZE)),
        )
        .await;
        let scratch = Scratch::new()?;
        let had = file_bytes(0..HAD);
        let part = scratch.leave(&had)?;
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = tagged_client(&url);
        // A panic is reported by `run`, with the contract's "no panic".
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        if matches!(&result, Err(ResumeError::WrongRange { asked, .. }) if *asked == HAD)
            && contents(&part) == Some(had.clone())
        {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes, answered 206 with a `Content-Range` holding {shown} \
             (`bytes 5003–150000/150001`, bytes that are not header text), the function \
             returned {} and the part is {}; expected Err(WrongRange {{ asked: {HAD}, .. }}) \
             and the part as it was: it is not the form `bytes N-LAST/SIZE`",
            describe(&result),
            compare(&part, &had)
        )));
    }
    Ok(())
}

/// `bytes 5003-10/80000`: it starts at byte N, but its last byte comes before its first. The
/// body may be appended (the start is right) or refused; arithmetic on the numbers must not
/// panic.
async fn a_206_that_ends_before_it_starts_is_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    // Each with as many bytes as it names, or 100 where it names no count that makes sense.
    for (content_range, what, count) in [
        ("bytes 5003-10/80000", "its last byte before its first", 100),
        // LAST + 1, the end of a half-open range, does not fit a `u64`.
        (
            "bytes 5003-18446744073709551615/*",
            "its last byte the largest `u64`",
            100,
        ),
        ("bytes 5003/7000", "no `-` and no last byte", 100),
        ("bytes 5003-5003/0", "a SIZE of 0", 1),
    ] {
        let server = answering(
            ResponseTemplate::new(206)
                .insert_header("content-range", content_range)
                .set_body_bytes(file_bytes(HAD..HAD + count)),
        )
        .await;
        let scratch = Scratch::new()?;
        let had = file_bytes(0..HAD);
        let part = scratch.leave(&had)?;
        let url = format!("{}/files/80000", server.uri());
        let client = tagged_client(&url);
        // A panic is reported by `run`, with the contract's "no panic".
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let appended = matches!(result, Ok(size) if size == HAD + count)
            && contents(&part) == Some(file_bytes(0..HAD + count));
        let refused = matches!(
            &result,
            Err(ResumeError::WrongRange { asked, content_range: seen })
                if *asked == HAD && seen == content_range
        ) && contents(&part) == Some(had.clone());
        if appended || refused {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes, answered 206 with `Content-Range: {content_range}` \
             ({what}) and {count} byte(s), the function returned {} and the part is {}; expected \
             Ok({}) and those bytes appended (it starts at byte N), or Err(WrongRange {{ \
             asked: {HAD}, content_range: {content_range:?} }}) and the part as it was",
            describe(&result),
            compare(&part, &had),
            HAD + count
        )));
    }
    Ok(())
}

/// With no part, no range is asked; a server that answers 206 all the same, from byte 0, has
/// sent the file: the contract allows appending it (creating the part) or refusing it. A 206
/// from another byte, or with no `Content-Range`, is refused, and no part made.
async fn an_unasked_206_is_appended_or_refused<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let content_range = "bytes 0-150000/150001";
    let server = answering(
        ResponseTemplate::new(206)
            .insert_header("content-range", content_range)
            .set_body_bytes(file_bytes(0..SIZE)),
    )
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let whole = file_bytes(0..SIZE);
    let appended = matches!(result, Ok(size) if size == SIZE) && contents(&part) == Some(whole);
    let refused = matches!(
        &result,
        Err(ResumeError::WrongRange { asked: 0, content_range: seen }) if seen == content_range
    ) && !part.exists();
    if !(appended || refused) {
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 206 with `Content-Range: {content_range}` and the whole file \
         (no range was asked), the function returned {} and the part is {}; expected \
         Ok({SIZE}) and the whole file in a new part, or Err(WrongRange {{ asked: 0, \
         content_range: {content_range:?} }}) and still no part: a 206 to a request without \
         `Range` is appended (the part created, as for a 200) or refused, nothing else",
            describe(&result),
            if part.exists() {
                compare(&part, &file_bytes(0..SIZE))
            } else {
                "missing".to_owned()
            }
        )));
    }
    // From another byte, or saying nothing of where it starts: no part is ever made of it.
    for content_range in [
        Some("bytes 5003-150000/150001"),
        // No first byte at all (the form of a 416): read as "starts at 0", it would be taken.
        Some("bytes */5003"),
        None,
    ] {
        let mut template = ResponseTemplate::new(206).set_body_bytes(file_bytes(HAD..SIZE));
        if let Some(content_range) = content_range {
            template = template.insert_header("content-range", content_range);
        }
        let server = answering(template).await;
        let scratch = Scratch::new()?;
        let part = scratch.part();
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let expected_text = content_range.unwrap_or_default();
        let refused = matches!(
            &result,
            Err(ResumeError::WrongRange { asked: 0, content_range }) if content_range == expected_text
        );
        let header = content_range.map_or("no `Content-Range`".to_owned(), |value| {
            format!("`Content-Range: {value}`")
        });
        if refused && part.exists() {
            return Err(EXERCISE.fail(&format!(
                "with no part, answered 206 with {header}, the function returned {} and the \
                 part is there now; expected still no part: a failed call leaves the disk as it \
                 was (open or create the part only once the answer says a body belongs in it)",
                describe(&result)
            )));
        }
        if !refused {
            return Err(EXERCISE.fail(&format!(
                "with no part, answered 206 with {header}, the function returned {} and the \
                 part is {}; expected Err(WrongRange {{ asked: 0, content_range: \
                 {expected_text:?} }}) and still no part: with N = 0, only a 206 from byte 0 may \
                 be taken as the file (and even that one may be refused); bytes from elsewhere \
                 would become the file's first bytes",
                describe(&result),
                if part.exists() {
                    "there now"
                } else {
                    "still missing"
                }
            )));
        }
    }
    Ok(())
}

pub async fn an_error_status_leaves_the_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    // 202 and 204 are successes, but neither is the file (`is_success()` is not the rule); a 304
    // answers a conditional request, and none was sent.
    for (status, content_range, retry_after) in [
        // The file's size is the part's: a downloader may take the part as complete, but this
        // function's contract makes every status but 206 and 200 an error.
        (416, Some("bytes */5003"), None),
        // The file is smaller than the part: the part is still left as it was.
        (416, Some("bytes */1000"), None),
        (404, None, None),
        (410, None, None),
        (503, None, Some("1")),
        // `Retry-After` as a date (RFC 9110 allows either form), and a 416 that names no size.
        (503, None, Some("Fri, 31 Dec 1999 23:59:59 GMT")),
        (416, None, None),
        (300, None, None),
        (202, None, None),
        (203, None, None),
        (204, None, None),
        (304, None, None),
        (429, None, Some("1")),
    ]
    .into_iter()
    // Then every other status, each saying "ask again now", then each saying nothing of when.
    .chain(other_statuses().map(|status| (status, None, Some("0"))))
    .chain(other_statuses().map(|status| (status, None, None)))
    {
        let mut template = ResponseTemplate::new(status);
        if !matches!(status, 204 | 205 | 304) {
            template = template.set_body_string("{}");
        }
        if let Some(content_range) = content_range {
            template = template.insert_header("content-range", content_range);
        }
        if let Some(retry_after) = retry_after {
            // "Come back in a second", or "now": a retry of one's own that honours it sends a
            // second GET.
            template = template.insert_header("retry-after", retry_after);
        }
        if (300..400).contains(&status) && status != 304 || matches!(status, 201 | 202) {
            // A place to go, the file's own (or, on a 201 or a 202, where to look later):
            // following it by hand sends a second GET (the client given here follows no
            // redirect, and reqwest never follows a 300).
            template = template.insert_header("location", "/files/150001");
        }
        let server = answering(template).await;
        let scratch = Scratch::new()?;
        let had = file_bytes(0..HAD);
        let part = scratch.leave(&had)?;
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = client_following_no_redirect(&url)?;
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let seen = ranges_seen(&server).await;
        if seen.len() != 1 {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered {status} every time (through a client \
                 that follows no redirect), the server received \
                 these requests (Range header, sent by the client given): {seen:?}; expected \
                 one: the function sends one GET, and an error status is reported as \
                 Err(Status(..)), not asked again (the caller decides when to try again)"
            )));
        }
        let refused = matches!(&result, Err(ResumeError::Status(seen)) if seen.as_u16() == status);
        if !refused || contents(&part) != Some(had.clone()) {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered {status}{} (with the body `{{}}` unless 204, \
                 205 or 304), the function returned {} and the part is {}; expected \
                 Err(Status({status})) and the part as it was: any status but 206 and 200 is an \
                 error, and its body is not the file",
                content_range.map_or(String::new(), |value| format!(
                    " with `Content-Range: {value}`"
                )),
                describe(&result),
                compare(&part, &had)
            )));
        }
    }
    an_error_page_that_breaks_off_is_its_status(candidate).await
}

/// A 503 whose error page breaks off: the status is the error, whatever its body does (an error
/// page read first, with `text().await?`, turns it into `Http`).
async fn an_error_page_that_breaks_off_is_its_status<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = RawAnswerServer::start(cut_short(503), false).await?;
    let scratch = Scratch::new()?;
    let had = file_bytes(0..HAD);
    let part = scratch.leave(&had)?;
    let url = format!("{}/files/{SIZE}", server.url);
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let refused = matches!(&result, Err(ResumeError::Status(seen)) if seen.as_u16() == 503);
    if refused && contents(&part) == Some(had.clone()) && server.requests() == 1 {
        return no_part_stays_no_part(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 503 with an error page that breaks off (400 bytes \
         announced, a few sent, then the connection closed), the function returned {} after {} \
         request(s) and the part is {}; expected Err(Status(503)) after one request, and the \
         part as it was: any status but 206 and 200 is that status's error, decided from the \
         head, whatever its body does",
        describe(&result),
        server.requests(),
        compare(&part, &had)
    )))
}

/// Every other status from 201 to 599 that has a name (`201 Created`, `226 IM Used`, `301
/// Moved Permanently` with no `Location`, `408 Request Timeout`, `501 Not Implemented`, `502 Bad
/// Gateway` …), eight that have none, and two past 599: what is not a 206 or a 200 is an
/// error, and asked once.
fn other_statuses() -> impl Iterator<Item = u16> {
    const SENT_ALREADY: [u16; 10] = [200, 202, 203, 204, 206, 300, 304, 404, 410, 416];
    (201..=599)
        .filter(|&code| {
            reqwest::StatusCode::from_u16(code)
                .is_ok_and(|status| status.canonical_reason().is_some())
                || matches!(code, 299 | 499 | 520..=524 | 599)
        })
        .filter(|code| !SENT_ALREADY.contains(code))
        // Past 599, which HTTP allows too (three digits): LinkedIn's 999, say.
        .chain([600, 999])
}

/// With no part at all, an error status must not leave one behind.
async fn no_part_stays_no_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = answering(ResponseTemplate::new(404).set_body_string("{}")).await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if matches!(&result, Err(ResumeError::Status(status)) if status.as_u16() == 404)
        && !part.exists()
    {
        return a_part_in_a_missing_folder_is_no_part(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with no part, answered 404, the function returned {} and the part is {}; expected \
         Err(Status(404)) and still no part: a failed call leaves the disk as it was (open or \
         create the part only once the status says a body is coming)",
        describe(&result),
        if part.exists() {
            "there now"
        } else {
            "still missing"
        }
    )))
}

/// A part in a folder that is not there is a part that does not exist (N = 0): asked for with
/// no `Range`, and answered 404, that is the result (a folder checked before asking, or created,
/// fails).
async fn a_part_in_a_missing_folder_is_no_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = answering(ResponseTemplate::new(404).set_body_string("{}")).await;
    let scratch = Scratch::new()?;
    let folder = scratch.dir.join("not-made-yet");
    let part = folder.join("file.bin.part");
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_seen(&server).await;
    if matches!(&result, Err(ResumeError::Status(status)) if status.as_u16() == 404)
        && seen == [(None, true)]
        && !folder.exists()
    {
        return an_empty_part_stays_an_empty_part(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part in a folder that does not exist, answered 404, the server received these \
         requests (Range header, sent by the client given): {seen:?}, the function returned {} \
         and the folder is {}; expected one request with no `Range`, Err(Status(404)) and \
         still no folder: a part that cannot be found, whatever the reason, does not exist, so \
         N is 0 and the server is asked; the server's answer is the result (nothing checked or \
         made before asking)",
        describe(&result),
        if folder.exists() {
            "there now"
        } else {
            "still missing"
        }
    )))
}

/// An empty part, answered 404: still there, and still empty.
async fn an_empty_part_stays_an_empty_part<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = answering(ResponseTemplate::new(404).set_body_string("{}")).await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&[])?;
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if matches!(&result, Err(ResumeError::Status(status)) if status.as_u16() == 404)
        && contents(&part) == Some(Vec::new())
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with an empty part, answered 404, the function returned {} and the part is {}; \
         expected Err(Status(404)) and the part as it was, there and empty: a failed call \
         leaves the disk as it was",
        describe(&result),
        compare(&part, &[])
    )))
}

/// The size of the file the timing checks download.
const LARGE: u64 = 600_000;

/// A server that answers 200 with the first 300,000 of [`LARGE`] bytes at once, with the head,
/// and the rest 800 ms later.
async fn first_half_now_the_rest_later() -> SlowBodyServer {
    SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..LARGE), "application/octet-stream")
            .first_bytes_with_head(300_000)
            .body_after(Duration::from_millis(800))
    })
    .await
}

/// Runs the call while looking at the part's size every 20 ms: the result, and each look with
/// the moment it was taken.
async fn watching_the_part<F>(
    candidate: &F,
    client: &Client,
    url: &str,
    part: &Path,
) -> Result<(Result<u64, ResumeError>, Vec<(Instant, u64)>), String>
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let call = EXERCISE.run_within(CALL_PATIENCE, candidate(client, url, part));
    tokio::pin!(call);
    let mut looks = Vec::new();
    let result = loop {
        tokio::select! {
            result = &mut call => break result?,
            () = tokio::time::sleep(Duration::from_millis(20)) => {
                let size = std::fs::metadata(part).map_or(0, |metadata| metadata.len());
                looks.push((Instant::now(), size));
            }
        }
    };
    Ok((result, looks))
}

/// The largest size among the looks taken from `from` to 20 ms before `until`.
fn largest_between(looks: &[(Instant, u64)], from: Instant, until: Instant) -> u64 {
    looks
        .iter()
        .filter(|(at, _)| *at >= from && *at + Duration::from_millis(20) < until)
        .map(|(_, size)| *size)
        .max()
        .unwrap_or(0)
}

pub async fn writes_each_piece_as_it_arrives<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = first_half_now_the_rest_later().await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{LARGE}", server.uri());
    let client = tagged_client(&url);
    // Look at the part every 20 ms while the call runs: the first 300,000 bytes are in long
    // before the rest, which the server sends 800 ms after the head (the head leaves as the
    // request arrives).
    let started = Instant::now();
    let (result, looks) = watching_the_part(candidate, &client, &url, &part).await?;
    let rest_sent = server
        .arrivals()
        .first()
        .map_or(started, |arrival| arrival.at + Duration::from_millis(800));
    let largest_before_rest = largest_between(&looks, started, rest_sent);
    if largest_before_rest > 300_000 {
        return Err(EXERCISE.fail(&format!(
            "answered 200 with {LARGE} bytes, the first 300,000 at once and the rest 800 ms \
             later, the part held {largest_before_rest} bytes before the rest was sent; expected \
             300,000 at most: the part holds the bytes that arrived and nothing more (a part set \
             to its full length first, with `set_len`, holds zeros that a call cut short leaves \
             behind, and the next call resumes after them)"
        )));
    }
    let whole = file_bytes(0..LARGE);
    if largest_before_rest >= 100_000
        && matches!(result, Ok(size) if size == LARGE)
        && contents(&part) == Some(whole.clone())
    {
        a_206_grows_the_part_as_it_arrives(candidate).await?;
        a_200_over_a_long_part_empties_it_first(candidate).await?;
        return two_downloads_at_once_count_their_own_bytes(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "answered 200 with {LARGE} bytes, the first 300,000 at once and the rest 800 ms later, \
         the part held at most {largest_before_rest} bytes before the rest was sent; the \
         function returned \
         {} and the part is {}; expected 100,000 bytes or more on disk before the rest came, \
         then Ok({LARGE}) and the whole file: each piece is written as it arrives \
         (`response.chunk()` in a loop, each piece written before the next is awaited), never \
         the whole body gathered first",
        describe(&result),
        compare(&part, &whole)
    )))
}

/// The same as a 206 over a part of 5,003 bytes: the rest, its first 300,000 bytes at once and
/// the others 800 ms later. The part grows meanwhile (a rest staged in a file of its own, and
/// appended once whole, does not).
async fn a_206_grows_the_part_as_it_arrives<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(206, file_bytes(HAD..LARGE), "application/octet-stream")
            .header("content-range", "bytes 5003-599999/600000")
            .first_bytes_with_head(300_000)
            .body_after(Duration::from_millis(800))
    })
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&file_bytes(0..HAD))?;
    let url = format!("{}/files/{LARGE}", server.uri());
    let client = tagged_client(&url);
    let started = Instant::now();
    let (result, looks) = watching_the_part(candidate, &client, &url, &part).await?;
    let rest_sent = server
        .arrivals()
        .first()
        .map_or(started, |arrival| arrival.at + Duration::from_millis(800));
    let largest_before_rest = largest_between(&looks, started, rest_sent);
    let whole = file_bytes(0..LARGE);
    if (HAD + 100_000..=HAD + 300_000).contains(&largest_before_rest)
        && matches!(result, Ok(size) if size == LARGE)
        && contents(&part) == Some(whole.clone())
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 206 `bytes 5003-599999/600000`, the first 300,000 \
         bytes of the rest at once and the others 800 ms later, the part held at most \
         {largest_before_rest} bytes before the others were sent; the function returned {} and \
         the part is {}; expected between {} and {} bytes on disk before the others came, then \
         Ok({LARGE}) and the whole file: each piece of a 206 is appended to the part as it \
         arrives, not gathered first, in memory or in a file of its own",
        describe(&result),
        compare(&part, &whole),
        HAD + 100_000,
        HAD + 300_000
    )))
}

/// A 200 over a part of 400,000 other bytes, the first 300,000 bytes of the body at once and
/// the rest 800 ms later: until the rest is sent, the part holds at most what arrived.
async fn a_200_over_a_long_part_empties_it_first<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = first_half_now_the_rest_later().await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&vec![0xAA; 400_000])?;
    let url = format!("{}/files/{LARGE}", server.uri());
    let client = tagged_client(&url);
    let (result, looks) = watching_the_part(candidate, &client, &url, &part).await?;
    // Judged from 400 ms after the head left (the status has long arrived: the old bytes had
    // their time to go) until the rest is sent, 800 ms after it.
    let largest_before_rest = server.arrivals().first().map_or(0, |arrival| {
        largest_between(
            &looks,
            arrival.at + Duration::from_millis(400),
            arrival.at + Duration::from_millis(800),
        )
    });
    let whole = file_bytes(0..LARGE);
    if largest_before_rest > 300_000 {
        return Err(EXERCISE.fail(&format!(
            "with a part of 400,000 bytes, answered 200 with {LARGE} bytes, the first 300,000 at \
             once and the rest 800 ms later, the part held {largest_before_rest} bytes between \
             400 ms after the head and the rest; expected 300,000 at most: a 200 empties the part when its status \
             arrives, then each piece is written (writing over the old bytes and cutting the \
             part to size at the end leaves the old tail on disk while the body comes, and for \
             good if the call is cut short)"
        )));
    }
    if matches!(result, Ok(size) if size == LARGE) && contents(&part) == Some(whole.clone()) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of 400,000 bytes, answered 200 with {LARGE} bytes, the function returned {} \
         and the part is {}; expected Ok({LARGE}) and the whole file: a 200 is the whole file \
         from its first byte",
        describe(&result),
        compare(&part, &whole)
    )))
}

/// Two calls side by side, each into a part of its own, the second started 300 ms after the
/// first request arrived: the first body sends 1,000 bytes at once and the rest 800 ms later, the
/// second its first 300,000 bytes at once and the rest 800 ms later. The second part grows while
/// the first body waits (a lock of one's own held for a whole download fails), the first call is
/// not disturbed by the second one's start (aborting the tasks earlier calls left fails), each
/// part holds its own bytes (a buffer shared by every call, holding the first call's 1,000 bytes
/// while it waits, puts them into the second part: fewer than any block size, they are there
/// for sure, whatever pieces the bodies come in), and each `Ok` is its own part's size (a count
/// kept in a `static`, shared by every call, adds the other call's bytes).
async fn two_downloads_at_once_count_their_own_bytes<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let first = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..LARGE), "application/octet-stream")
            .first_bytes_with_head(1_000)
            .body_after(Duration::from_millis(800))
    })
    .await;
    let second = first_half_now_the_rest_later().await;
    let (first_scratch, second_scratch) = (Scratch::new()?, Scratch::new()?);
    let (first_part, second_part) = (first_scratch.part(), second_scratch.part());
    let first_url = format!("{}/files/{LARGE}", first.uri());
    let second_url = format!("{}/files/{LARGE}", second.uri());
    let (first_client, second_client) = (tagged_client(&first_url), tagged_client(&second_url));
    // When the first request arrived (3 s at most to see it arrive).
    let first_arrived = || first.first_arrival(Duration::from_secs(3));
    // The second call starts 300 ms after the first request arrived, while the first body waits
    // for its rest; the second part is looked at 650 ms after it, when the second body's first
    // 300,000 bytes have been in for some 350 ms and the first body's rest has not come.
    let second_call = async {
        tokio::time::sleep_until((first_arrived().await + Duration::from_millis(300)).into()).await;
        EXERCISE
            .run_within(
                CALL_PATIENCE,
                candidate(&second_client, &second_url, &second_part),
            )
            .await
    };
    let look = async {
        tokio::time::sleep_until((first_arrived().await + Duration::from_millis(650)).into()).await;
        std::fs::metadata(&second_part).map_or(0, |metadata| metadata.len())
    };
    let (first_result, second_result, looked) = tokio::join!(
        EXERCISE.run_within(
            CALL_PATIENCE,
            candidate(&first_client, &first_url, &first_part)
        ),
        second_call,
        look,
    );
    let (first_result, second_result) = (first_result?, second_result?);
    if looked < 100_000 {
        return Err(EXERCISE.fail(&format!(
            "two calls, each with no part of its own and each answered 200 with {LARGE} bytes \
             (the first call's first 1,000 at once, the second's first 300,000, each with the \
             rest 800 ms later), the second started 300 ms after the first: 350 ms after the \
             second body's first 300,000 bytes came, its part \
             held {looked} bytes; expected 100,000 or more: each piece is written as it \
             arrives, whatever another call is doing (no lock of your own held for a whole \
             download)"
        )));
    }
    let whole = file_bytes(0..LARGE);
    let right = |result: &Result<u64, ResumeError>, part: &Path| {
        matches!(result, Ok(size) if *size == LARGE) && contents(part) == Some(whole.clone())
    };
    if right(&first_result, &first_part) && right(&second_result, &second_part) {
        return two_downloads_of_one_url_ask_each(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "two calls side by side (the second started 300 ms after the first), each with no part \
         of its own and each answered 200 with {LARGE} bytes (the first call's first 1,000 at \
         once, the second's first 300,000, each with the rest 800 ms later), returned {} and {}, \
         and the parts are {} and {}; expected Ok({LARGE}) and the whole file for each: each \
         call writes its own bytes into its own part, and `Ok` carries the size of that part \
         (bytes gathered, and counted, by the call itself, never in a `static` that every call \
         shares)",
        describe(&first_result),
        describe(&second_result),
        compare(&first_part, &whole),
        compare(&second_part, &whole)
    )))
}

/// A 200 of [`LARGE`] bytes whose first 300,000 come with the head and the rest only once
/// `gate` is opened (12 s at most): a download the checks can drop halfway.
async fn held_back_download(gate: &BodyGate) -> SlowBodyServer {
    let held = gate.clone();
    SlowBodyServer::start(move |_, _| {
        SlowAnswer::raw(200, file_bytes(0..LARGE), "application/octet-stream")
            .first_bytes_with_head(300_000)
            .body_when_opened(&held, Duration::from_secs(12))
    })
    .await
}

/// Clause (the chapter's): a call that is dropped while its body comes (a caller's `select!` or
/// `timeout`) stops there, and the part keeps what came, for a later call to resume from.
/// A 200 of 600,000 bytes, the first 300,000 at once and the rest only once the check lets them
/// go; the call dropped once the part holds 100,000 bytes, the rest sent 300 ms later: the part
/// must still hold what it held then, the file's first bytes, and grow no more (a part deleted
/// or cut back on the way out fails, even when a write still in flight lands after the cut and
/// gives the part its length back with zeros, and so does a download on a task of its own that
/// goes on once the call is gone).
pub async fn a_dropped_call_stops_and_keeps_what_came<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError> + Copy + Send + 'static,
{
    let gate = BodyGate::new();
    let server = held_back_download(&gate).await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{LARGE}", server.uri());
    let client = tagged_client(&url);
    let size = |part: &Path| std::fs::metadata(part).ok().map(|metadata| metadata.len());
    let enough = async {
        while size(&part).is_none_or(|size| size < 100_000) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    // The call, dropped once the part holds 100,000 bytes.
    let mut call = Box::pin(EXERCISE.run(candidate(&client, &url, &part)));
    tokio::select! {
        outcome = &mut call => {
            // Done before its body was all in: another check says what is wrong with that.
            let _ = outcome?;
            return Ok(());
        }
        () = enough => {}
        // Nothing written in 8 s of a body that came at once: another check says what is
        // wrong with that.
        () = tokio::time::sleep(Duration::from_secs(8)) => return Ok(()),
    }
    // Dropped as a caller's `select!` drops it: whatever the call's own `Drop`s do then runs
    // here, on the runtime's thread, and must not panic either.
    if let Err(payload) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(call))) {
        let message = panic_message(payload.as_ref());
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with {LARGE} bytes, the call was dropped (as a caller's \
             `select!` or `timeout` drops it) once the part held 100,000 bytes or more, and your \
             code panicked as it was dropped: {message}. Never a panic: a dropped call stops \
             where it is, and what it wrote stays in the part"
        )));
    }
    // A write begun before the drop may still land (tokio's `File` finishes it in the
    // background): what the part holds 300 ms later is what the call kept.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let kept = size(&part);
    // The bytes themselves, not only their count: a part cut back while a write was still in
    // flight is as long as before once that write lands, with zeros where the cut bytes were.
    let kept_bytes = contents(&part).unwrap_or_default();
    gate.open();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let later = size(&part);
    let shown = |size: Option<u64>| size.map_or("gone".to_owned(), |size| format!("{size} bytes"));
    if kept.is_none_or(|kept| kept < 100_000) {
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with {LARGE} bytes, the first 300,000 at once, the call \
             was dropped (as a caller's `select!` or `timeout` drops it) once the part held \
             100,000 bytes or more; 300 ms later the part was {}; expected those bytes kept: a \
             dropped call stops where it is, and what it wrote stays in the part for a later \
             call to resume from (nothing deleted or cut back on the way out)",
            shown(kept)
        )));
    }
    let expected = file_bytes(0..kept_bytes.len() as u64);
    if kept_bytes != expected {
        let first = kept_bytes
            .iter()
            .zip(&expected)
            .position(|(a, b)| a != b)
            .unwrap_or_default();
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with {LARGE} bytes, the first 300,000 at once, the call \
             was dropped (as a caller's `select!` or `timeout` drops it) once the part held \
             100,000 bytes or more; 300 ms later the part held {} bytes, but not the file's: \
             the first byte that differs is byte {first}; expected the bytes that came, as they \
             came: a dropped call stops where it is, and what it wrote stays in the part for a \
             later call to resume from (nothing deleted, cut back or rewritten on the way out)",
            kept_bytes.len()
        )));
    }
    if later != kept {
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with {LARGE} bytes, the first 300,000 at once, the call \
             was dropped (as a caller's `select!` or `timeout` drops it) once the part held \
             100,000 bytes or more; 300 ms later the part was {}, and once the server had sent \
             the rest, {}; expected no change: a dropped call stops, its download with it (no \
             task of your own that goes on after the caller gave up, as a `tokio::spawn`ed one \
             does unless it is aborted)",
            shown(kept),
            shown(later)
        )));
    }
    a_call_dropped_off_its_runtime_is_no_panic(candidate).await
}

/// The same call, polled on a runtime of the check's own until the part holds 100,000 bytes,
/// then dropped once that runtime's `block_on` has returned, outside any runtime (as a caller
/// that keeps a future past the runtime it polled it on drops it): no panic (a `Drop` of one's
/// own that reaches for the current runtime, `Handle::current()` or `tokio::spawn`, panics
/// there).
async fn a_call_dropped_off_its_runtime_is_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError> + Copy + Send + 'static,
{
    let gate = BodyGate::new();
    let server = held_back_download(&gate).await;
    let url = format!("{}/files/{LARGE}", server.uri());
    let candidate = *candidate;
    // What the drop raised, if anything; `None` also when the call ended before it was dropped
    // (another check names what is wrong with that).
    let round = move || -> Result<Option<String>, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|err| format!("the check could not build its runtime: {err}"))?;
        let scratch = Scratch::new()?;
        let part = scratch.part();
        let client = runtime.block_on(async { tagged_client(&url) });
        let mut call = Box::pin(EXERCISE.run(candidate(&client, &url, &part)));
        let dropped_midway = runtime.block_on(async {
            let enough = async {
                while std::fs::metadata(&part).map_or(0, |metadata| metadata.len()) < 100_000 {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            };
            tokio::select! {
                _ = &mut call => false,
                () = enough => true,
                () = tokio::time::sleep(Duration::from_secs(8)) => false,
            }
        });
        if !dropped_midway {
            return Ok(None);
        }
        // Out of `block_on`: no runtime is current on this thread now.
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(call)))
            .err()
            .map(|payload| panic_message(payload.as_ref()));
        runtime.shutdown_timeout(Duration::from_secs(1));
        Ok(panicked)
    };
    let panicked = on_a_thread_of_its_own(&EXERCISE, round, || {
        format!(
            "with no part, answered 200 with {LARGE} bytes, a call polled on a runtime of the \
             check's own and dropped, once the part held 100,000 bytes, after that runtime's \
             `block_on` had returned, had not ended after 15 s: dropping a call is over at once"
        )
    })
    .await?;
    gate.open();
    match panicked {
        Some(message) => Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with {LARGE} bytes, a call polled on a runtime of the \
             check's own was dropped once the part held 100,000 bytes, after that runtime's \
             `block_on` had returned (no runtime current on the thread, as when a caller keeps \
             a future past the runtime it polled it on), and your code panicked as it was \
             dropped: {message}. Never a panic: what a dropped call does on its way out needs \
             no runtime (no `tokio::spawn` or `Handle::current()` in a `Drop`)"
        ))),
        None => Ok(()),
    }
}

/// Last, so that an answer caught by an earlier check is named by the rule it breaks there. A
/// 206 whose file's size the server does not know (`bytes 5003-5102/*`), its body in chunks with
/// no `Content-Length`: appended. Then a `url` as a learner may be given one: a user and a
/// password in it, capitals in its path and query, an empty segment (`//`), and spaces, which
/// the URL parser escapes as `%20`: one GET of `url` exactly as `client.get(url)` sends it (its
/// path and query as given, the credentials as `Authorization: Basic`), and its 206 appended.
pub async fn asks_for_the_url_as_given<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let count = 100;
    let unknown_size = SlowBodyServer::start(move |_, _| {
        SlowAnswer::raw(
            206,
            file_bytes(HAD..HAD + count),
            "application/octet-stream",
        )
        .header("content-range", "bytes 5003-5102/*")
        .first_bytes_with_head(40)
        .chunked()
    })
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&file_bytes(0..HAD))?;
    let url = format!("{}/files/{SIZE}", unknown_size.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let expected = file_bytes(0..HAD + count);
    if !matches!(result, Ok(size) if size == HAD + count)
        || contents(&part) != Some(expected.clone())
    {
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes, answered 206 with `Content-Range: bytes 5003-5102/*` \
             and those {count} bytes in chunks (no `Content-Length`), the function returned {} \
             and the part is {}; expected Ok({}) and the part {count} bytes longer: a 206 that \
             starts at byte N is appended, whatever its SIZE (`*` when the server does not know \
             it) and however its body comes (in chunks, with no length announced)",
            describe(&result),
            compare(&part, &expected),
            HAD + count
        )));
    }
    let server = answering(
        ResponseTemplate::new(206)
            .insert_header("content-range", "bytes 5003-5102/150001")
            .set_body_bytes(file_bytes(HAD..HAD + count)),
    )
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&file_bytes(0..HAD))?;
    let host = server.uri().replacen("http://127.0.0.1", "localhost", 1);
    let url = format!(
        "http://reader:open%20sesame@{host}/Files//Annual Report%202026.BIN?v=2&Rev=B 2&a=1\
         &utm_source=mail&owner=%7Ebob&sig=ab%2fcd"
    );
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let received = server.received_requests().await.unwrap_or_default();
    let asked: Vec<String> = received
        .iter()
        .map(|request| format!("{} {}", request.method, request_target(request)))
        .collect();
    let target = "GET /Files//Annual%20Report%202026.BIN?v=2&Rev=B%202&a=1&utm_source=mail\
                  &owner=%7Ebob&sig=ab%2fcd";
    if asked != [target] {
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes and `url` {url:?}, the server received {asked:?}; \
             expected [{target:?}]: one GET of `url` as `client.get(url)` sends it, its path and \
             query as given, capitals, the empty segment (`//`), the escapes already there (`%7E` \
             and `%2f` as written), every pair of the query (a tracker's `utm_source` too) and \
             their order kept, and each space escaped as `%20`, as the URL parser does (a `+` is \
             a space only in a form's query)"
        )));
    }
    let first_header = |name| {
        received
            .first()
            .map_or("(none)".to_owned(), |request| header_or_none(request, name))
    };
    let sent_host = first_header("host");
    if sent_host != host {
        return Err(EXERCISE.fail(&format!(
            "with `url` {url:?}, the request carried `Host: {sent_host}`; expected `Host: \
             {host}`: the GET goes to `url`'s host as it is named (a name put aside for an \
             address of your own changes what the server is asked for, and a server that \
             serves several names answers another)"
        )));
    }
    let basic = "Basic cmVhZGVyOm9wZW4gc2VzYW1l";
    let authorization = first_header("authorization");
    if authorization != basic {
        return Err(EXERCISE.fail(&format!(
            "with `url` {url:?}, the request carried `Authorization: {authorization}`; expected \
             `{basic}` (`reader:open sesame`): the user and password in `url` are part of it, \
             and `client.get(url)` sends them as basic auth (a URL rebuilt from its host and \
             path drops them)"
        )));
    }
    if matches!(result, Ok(size) if size == HAD + count)
        && contents(&part) == Some(expected.clone())
    {
        return a_host_by_another_name_is_asked_as_given(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes and `url` {url:?}, answered 206 with `Content-Range: bytes \
         5003-5102/150001` and those {count} bytes, the function returned {} and the part is {}; \
         expected Ok({}) and the part {count} bytes longer: a 206 that starts at byte N is \
         appended (the address the answer came from is `url` as the client sent it, escaped and \
         without its credentials: no redirect)",
        describe(&result),
        compare(&part, &expected),
        HAD + count
    )))
}

/// A `url` whose host is a name other than `localhost`, `files.example`, through a client that
/// resolves that name to the check's server (as a name in `/etc/hosts` would be): one GET over
/// plain HTTP, as `url` says, with `Host: files.example:PORT`, and the 206 appended (a scheme
/// upgraded to `https://` for names that are not loopback reaches no server).
async fn a_host_by_another_name_is_asked_as_given<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let count = 100;
    let server = answering(
        ResponseTemplate::new(206)
            .insert_header("content-range", "bytes 5003-5102/150001")
            .set_body_bytes(file_bytes(HAD..HAD + count)),
    )
    .await;
    let scratch = Scratch::new()?;
    let part = scratch.leave(&file_bytes(0..HAD))?;
    let address = *server.address();
    let url = format!("http://files.example:{}/files/{SIZE}", address.port());
    let client = lesson_support::testing::tagged_client_builder(&url)
        .resolve("files.example", address)
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let received = server.received_requests().await.unwrap_or_default();
    let hosts: Vec<String> = received
        .iter()
        .map(|request| header_or_none(request, "host"))
        .collect();
    let expected = file_bytes(0..HAD + count);
    let host = format!("files.example:{}", address.port());
    if hosts == [host.clone()]
        && matches!(result, Ok(size) if size == HAD + count)
        && contents(&part) == Some(expected.clone())
    {
        return addresses_are_asked_as_given(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes and `url` {url:?}, through a client that resolves \
         `files.example` to the check's server, the server received requests with the hosts \
         {hosts:?}, the function returned {} and the part is {}; expected one GET with `Host: \
         {host}`, Ok({}) and the part {count} bytes longer: `url` is asked as it is given, its \
         scheme (`http://`) and host too, whatever the host's name",
        describe(&result),
        compare(&part, &expected),
        HAD + count
    )))
}

/// Six calls at once, each with no part of its own, for the same `url`: each sends its own GET
/// (one download shared by several, as a "single flight" does, or a call turned away while
/// others run, is a call's GET missing), and each part holds the whole file.
async fn two_downloads_of_one_url_ask_each<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..SIZE), "application/octet-stream")
            .first_bytes_with_head(1_000)
            .body_after(Duration::from_millis(400))
    })
    .await;
    let scratches = [
        Scratch::new()?,
        Scratch::new()?,
        Scratch::new()?,
        Scratch::new()?,
        Scratch::new()?,
        Scratch::new()?,
    ];
    let parts = scratches.each_ref().map(Scratch::part);
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let results = tokio::join!(
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &url, &parts[0])),
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &url, &parts[1])),
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &url, &parts[2])),
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &url, &parts[3])),
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &url, &parts[4])),
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &url, &parts[5])),
    );
    let results = [
        results.0?, results.1?, results.2?, results.3?, results.4?, results.5?,
    ];
    let shown: Vec<String> = results.iter().map(describe).collect();
    let asked = server.arrivals().len();
    if asked != parts.len() {
        return Err(EXERCISE.fail(&format!(
            "six calls at once, each with no part of its own (six files), for the same `url`, \
             returned {shown:?} after {asked} request(s) in all; expected 6: each call sends its \
             own GET of `url`, whatever other calls are doing (no download shared between \
             calls, and none turned away)"
        )));
    }
    let whole = file_bytes(0..SIZE);
    let wrong = results.iter().zip(&parts).position(|(result, part)| {
        !matches!(result, Ok(size) if *size == SIZE) || contents(part) != Some(whole.clone())
    });
    let Some(index) = wrong else {
        return two_calls_into_one_part_ask_each(candidate).await;
    };
    Err(EXERCISE.fail(&format!(
        "six calls at once, each with no part of its own, for the same `url`, each answered 200 \
         with {SIZE} bytes, returned {shown:?}, and call {}'s part is {}; expected Ok({SIZE}) \
         and the whole file for each: each call writes its own answer into its own part",
        index + 1,
        compare(&parts[index], &whole)
    )))
}

/// Two calls at once into one part, each for an address of its own, the first answered after
/// 300 ms and the second at once: each sends its own GET of its own `url` (calls made to take
/// turns on a part, the later one answered with the size the earlier one reached, send one).
/// What the part holds after two writers is not judged: the contract says nothing of it.
async fn two_calls_into_one_part_ask_each<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let first = answering(
        ResponseTemplate::new(200)
            .set_body_bytes(file_bytes(0..7_000))
            .set_delay(Duration::from_millis(300)),
    )
    .await;
    let second = answering(ResponseTemplate::new(200).set_body_bytes(file_bytes(0..9_000))).await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let first_url = format!("{}/files/7000", first.uri());
    let second_url = format!("{}/files/9000", second.uri());
    let client = tagged_client(&first_url);
    let (first_result, second_result) = tokio::join!(
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &first_url, &part)),
        EXERCISE.run_within(CALL_PATIENCE, candidate(&client, &second_url, &part)),
    );
    let shown = [describe(&first_result?), describe(&second_result?)];
    let asked = [
        ranges_seen(&first).await.len(),
        ranges_seen(&second).await.len(),
    ];
    if asked == [1, 1] {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "two calls at once into one part (none there yet), the first for `{first_url}` \
         (answered after 300 ms) and the second for `{second_url}`, returned {shown:?}, and \
         the two servers received {} and {} request(s); expected one each: every call sends \
         its own GET of its own `url`, whatever another call is doing with the same part (no \
         call answered with another's result, and none turned away)",
        asked[0], asked[1]
    )))
}

/// Addresses asked exactly as they are given, each answered 200 with 7,000 bytes, with no
/// part: one whose path ends in `/` (another resource than the one without it: trimming the
/// slash asks for that one), a signed address of over 2,400 bytes with a long token (a limit of
/// one's own on its length sends nothing), and one whose server honours `Accept` and has the
/// file only as `application/json` (406 to an `Accept` that does not take it: a header of one's
/// own that asks for `application/octet-stream` is refused).
async fn addresses_are_asked_as_given<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let body = file_bytes(0..7_000);
    let token = "AbC0".repeat(600);
    // Each case: the target, whether its server honours `Accept`, and what the message says.
    for (target, negotiates, what) in [
        (
            "/releases/latest/".to_owned(),
            false,
            "an address whose path ends in `/`",
        ),
        (
            format!("/files/7000?X-Amz-Security-Token={token}&X-Amz-Signature=5f2e"),
            false,
            "an address of over 2,400 bytes (a signed address with a long token)",
        ),
        (
            "/exports/posts.json".to_owned(),
            true,
            "an address whose server honours `Accept` and has the file as `application/json` \
             only (406 to an `Accept` that does not take it)",
        ),
    ] {
        let server = if negotiates {
            negotiating(&body).await
        } else {
            answering(ResponseTemplate::new(200).set_body_bytes(body.clone())).await
        };
        let scratch = Scratch::new()?;
        let part = scratch.part();
        let url = format!("{}{target}", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let asked: Vec<String> = server
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .map(request_target)
            .collect();
        if asked == [target.clone()]
            && matches!(result, Ok(7_000))
            && contents(&part) == Some(body.clone())
        {
            continue;
        }
        // A long target shown by its start and its length.
        let shown: Vec<String> = asked
            .iter()
            .map(|asked| match asked.get(..60) {
                Some(start) if asked.len() > 80 => format!("{start}… ({} bytes)", asked.len()),
                _ => asked.clone(),
            })
            .collect();
        return Err(EXERCISE.fail(&format!(
            "with no part and {what}, answered 200 with 7,000 bytes, the server received \
             requests for {shown:?}, the function returned {} and the part is {}; expected one \
             GET of `url` as it is given, Ok(7000) and those bytes: the GET is the one \
             `client.get(url)` sends, its target neither tidied nor refused, and no header of \
             one's own that changes the answer",
            describe(&result),
            compare(&part, &body)
        )));
    }
    Ok(())
}

/// A server that answers every GET with `body` as `application/json`, or 406 when the request's
/// `Accept` does not take that type (as a server that honours `Accept` does).
async fn negotiating(body: &[u8]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(|request: &wiremock::Request| {
            request.headers.get_all("accept").iter().all(|value| {
                let value = String::from_utf8_lossy(value.as_bytes()).to_ascii_lowercase();
                ["*/*", "application/*", "application/json"]
                    .iter()
                    .any(|taken| value.contains(taken))
            })
        })
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/json")
                .set_body_bytes(body.to_vec()),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(406))
        .mount(&server)
        .await;
    server
}

/// With no part, a 200 whose body pauses for 300 ms after its first 100,000 bytes, on a runtime
/// whose clock is paused (tokio's `start_paused`), through a client with no timeouts: a timer of
/// the function's own, however long, ends as soon as the call waits for the rest. The body is
/// waited for until it is all in (a watchdog of one's own on each piece fails).
pub async fn waits_for_a_body_that_pauses<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError> + Copy + Send + 'static,
{
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..SIZE), "application/octet-stream")
            .first_bytes_with_head(100_000)
            .body_after(Duration::from_millis(300))
    })
    .await;
    let url = format!("{}/files/{SIZE}", server.uri());
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let (candidate, asked, written) = (*candidate, url.clone(), part.clone());
    let round = move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .map_err(|err| format!("the check could not build its runtime: {err}"))?;
        lesson_support::client::install_tls_provider();
        // No timeouts: any timer left on the paused clock is the function's own.
        let client = Client::builder()
            .no_proxy()
            .tls_certs_only([])
            .build()
            .map_err(|err| format!("the check could not build its client: {err}"))?;
        let result = runtime.block_on(EXERCISE.run(candidate(&client, &asked, &written)));
        runtime.shutdown_timeout(Duration::from_secs(1));
        result
    };
    let result = on_a_thread_of_its_own(&EXERCISE, round, || {
        "with no part, on a runtime whose clock is paused, a call answered 200 whose body pauses \
         for 300 ms held that runtime's own thread for 15 s: the requests and the waits are \
         async"
            .to_owned()
    })
    .await?;
    let whole = file_bytes(0..SIZE);
    let requests = server.arrivals().len();
    if matches!(result, Ok(size) if size == SIZE)
        && contents(&part) == Some(whole.clone())
        && requests == 1
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with no part, answered 200 with {SIZE} bytes whose body pauses for 300 ms after its \
         first 100,000, on a runtime whose clock is paused (a timer of yours, however long, ends \
         as soon as the call waits for the server) and through a client with no timeouts, the \
         function returned {} after {requests} request(s) and the part is {}; expected \
         Ok({SIZE}) and the whole file after one request: the body is waited for until it is \
         all in, with no time limit of your own (the client's timeouts, set by whoever built \
         it, are the limit)",
        describe(&result),
        compare(&part, &whole)
    )))
}

pub async fn keeps_what_came_before_a_break<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let some = cut_short(200);
    // The head alone: the connection closes before the body's first byte.
    let none = some
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(head, _)| format!("{head}\r\n\r\n"));
    // The same, from a server that says it takes no ranges: what came is kept all the same (the
    // server may take them tomorrow, or the bytes go to another server that does).
    let no_ranges = some.replacen("\r\n", "\r\nAccept-Ranges: none\r\n", 1);
    // With no part, then over a part of 5,003 bytes (the 200 replaces it: what came is the part),
    // then over the same part with nothing of the body: the part is emptied all the same.
    for (reply, had) in [
        (&some, None),
        (&some, Some(file_bytes(0..HAD))),
        (&none, Some(file_bytes(0..HAD))),
        (&no_ranges, None),
    ] {
        let came = reply
            .split_once("\r\n\r\n")
            .map_or(String::new(), |(_, body)| body.to_owned());
        let scratch = Scratch::new()?;
        let part = match &had {
            Some(bytes) => scratch.leave(bytes)?,
            None => scratch.part(),
        };
        let (result, requests) = answered_raw(candidate, reply.clone(), &part).await?;
        let broke = matches!(result, Err(ResumeError::Http(_)));
        // With nothing of the body, no part and an empty one are the same to the contract.
        let kept = contents(&part).unwrap_or_default();
        let as_expected = kept == came.as_bytes() && (part.exists() || came.is_empty());
        if broke && as_expected && requests == 1 {
            continue;
        }
        let why = if !broke && as_expected {
            "a body that breaks off is an error, `Err(ResumeError::Http(err))`, though every \
             byte that came before the break is written: the end of the pieces is \
             `Ok(None)` from `chunk()`, a break its `Err`"
        } else if came.is_empty() {
            "a body that breaks off is an error, and a 200 empties the part when its status \
             arrives, even if not one byte of its body follows (a part opened only when the first \
             piece comes keeps its old bytes)"
        } else {
            "a body that breaks off is an error, and every piece that came before the break is \
             written, and flushed, before the function returns (so a later call resumes from \
             there; a `?` on `chunk().await` returns before a `flush` placed after the loop)"
        };
        let before = if had.is_some() {
            "a part of 5003 bytes"
        } else {
            "no part"
        };
        let refusing = if reply.contains("Accept-Ranges: none") {
            " and `Accept-Ranges: none`"
        } else {
            ""
        };
        return Err(EXERCISE.fail(&format!(
        "with {before}, answered 200 announcing 400 bytes{refusing}, then {} bytes and a closed \
         connection, the function returned {} after {} request(s) and the part is {}; expected \
         Err(Http(..)) after one request, with those {} bytes in the part: {why}",
        came.len(),
        describe(&result),
        requests,
        compare(&part, came.as_bytes()),
        came.len()
    )));
    }
    a_chunked_body_that_breaks_off_is_a_break(candidate).await
}

/// A body in chunks, with no `Content-Length`, whose connection closes after a chunk and before
/// the last, empty one: a break too, not the end of the body.
async fn a_chunked_body_that_breaks_off_is_a_break<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let came = "the first bytes of the file";
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: \
         chunked\r\n\r\n{:x}\r\n{came}\r\n",
        came.len()
    );
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let (result, _) = answered_raw(candidate, reply, &part).await?;
    if matches!(result, Err(ResumeError::Http(_)))
        && contents(&part).as_deref() == Some(came.as_bytes())
    {
        a_range_all_in_before_a_break_is_a_break(candidate).await?;
        return a_body_that_stalls_past_the_read_timeout_is_a_break(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with no part, answered 200 in chunks (no `Content-Length`), then one chunk of {} bytes \
         and a closed connection before the last chunk, the function returned {} and the part \
         is {}; expected Err(Http(..)) with those {} bytes in the part: a chunked body ends \
         with its last, empty chunk, and a connection closed before it is a break, not the end \
         of the body",
        came.len(),
        describe(&result),
        compare(&part, came.as_bytes()),
        came.len()
    )))
}

/// The same as a 206 over a part of 5,003 bytes, whose chunk holds every byte its `Content-Range`
/// names: the body still breaks off before its last chunk, and that is a break.
async fn a_range_all_in_before_a_break_is_a_break<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let came = "the next bytes of the file";
    let content_range = format!("bytes {HAD}-{}/{SIZE}", HAD + came.len() as u64 - 1);
    let reply = format!(
        "HTTP/1.1 206 Partial Content\r\nContent-Range: {content_range}\r\nTransfer-Encoding: \
         chunked\r\n\r\n{:x}\r\n{came}\r\n",
        came.len()
    );
    let had = file_bytes(0..HAD);
    let scratch = Scratch::new()?;
    let part = scratch.leave(&had)?;
    let (result, _) = answered_raw(candidate, reply, &part).await?;
    let expected = [had.as_slice(), came.as_bytes()].concat();
    if matches!(result, Err(ResumeError::Http(_))) && contents(&part) == Some(expected.clone()) {
        return breaks_after_zeros_and_after_a_false_length(candidate).await;
    }
    let why = if matches!(result, Err(ResumeError::WrongRange { .. })) {
        "a 206 whose `Content-Range` starts at byte N is appended, from whatever address the \
         client reached it, and the break is then reported"
    } else {
        "the body ends with its last, empty chunk, not when the bytes the range names are in, \
         and a connection closed before it is a break"
    };
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, answered 206 `Content-Range: {content_range}` in chunks, \
         then one chunk of those {} bytes and a closed connection before the last chunk, the \
         function returned {} and the part is {}; expected Err(Http(..)) with those bytes \
         appended: {why}",
        came.len(),
        describe(&result),
        compare(&part, &expected)
    )))
}

/// A client whose read timeout is 300 ms, and a 200 whose first 300,000 bytes come at once and
/// the rest 800 ms later: the client's timeout breaks the body, and that is a break like any
/// other, after one request.
async fn a_body_that_stalls_past_the_read_timeout_is_a_break<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = first_half_now_the_rest_later().await;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let url = format!("{}/files/{LARGE}", server.uri());
    let client = lesson_support::testing::tagged_client_builder(&url)
        .read_timeout(Duration::from_millis(300))
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let came = file_bytes(0..300_000);
    let requests = server.arrivals().len();
    if matches!(result, Err(ResumeError::Http(_)))
        && requests == 1
        && contents(&part) == Some(came.clone())
    {
        return a_head_that_stalls_past_the_read_timeout_is_an_err(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "with no part and a client whose read timeout is 300 ms, answered 200 with {LARGE} \
         bytes, the first 300,000 at once and the rest 800 ms later, the function returned {} \
         after {requests} request(s) and the part is {}; expected Err(Http(..)) after one \
         request, with those 300,000 bytes in the part: the client's timeout breaks the body, \
         and a body that breaks off is reported, not asked for again (the caller decides when \
         to try again, and the next call resumes from the part)",
        describe(&result),
        compare(&part, &came)
    )))
}

/// A server that reads the request and says nothing for 1.5 s, to a client whose read timeout
/// is 300 ms: the request fails, and it is reported, not sent again.
async fn a_head_that_stalls_past_the_read_timeout_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::raw(200, file_bytes(0..1000), "application/octet-stream")
            .head_after(Duration::from_millis(1500))
    })
    .await;
    let had = file_bytes(0..HAD);
    let url = format!("{}/files/1000", server.uri());
    // Its read timeout, then its timeout for the whole request: the client's own limits, which
    // a timeout of the function's own on the request would replace.
    for (timeout, builder) in [
        (
            "read timeout",
            lesson_support::testing::tagged_client_builder(&url)
                .read_timeout(Duration::from_millis(300)),
        ),
        (
            "timeout for the whole request",
            lesson_support::testing::tagged_client_builder(&url)
                .timeout(Duration::from_millis(300)),
        ),
    ] {
        let client = builder
            .build()
            .map_err(|err| format!("the check could not build its client: {err}"))?;
        let scratch = Scratch::new()?;
        let part = scratch.leave(&had)?;
        let before = server.arrivals().len();
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let requests = server.arrivals().len() - before;
        if !matches!(result, Err(ResumeError::Http(_)))
            || requests != 1
            || contents(&part) != Some(had.clone())
        {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes and a client whose {timeout} is 300 ms, answered \
                 nothing for 1.5 s, the function returned {} after {requests} request(s) and \
                 the part is {}; expected Err(Http(..)) after one request, and the part as it \
                 was: a failed request is reported, not sent again, and the client's timeouts \
                 are the limit (a timeout of the client's too; none of your own on the request \
                 puts them aside)",
                describe(&result),
                compare(&part, &had)
            )));
        }
    }
    the_next_call_resumes_a_new_version(candidate).await
}

/// A break, then the next call: a 200 with `ETag: "v1"` breaks off after 27 of its 400 bytes,
/// and the next call is answered 206 from byte 27 with `ETag: "v2"`. The contract asks with
/// `Range` alone and compares no version, so the 206 is appended like any other; a tag kept
/// from the first answer and compared with the second (the lesson's `{dest}.part.etag`, used
/// without `If-Range`) refuses it.
async fn the_next_call_resumes_a_new_version<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let file: String = "0123456789abcdefghijklmnopqrstuvwxyz".repeat(12)[..400].to_owned();
    let cut = 27;
    let reply = format!(
        "HTTP/1.1 200 OK\r\nETag: \"v1\"\r\nLast-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: 400\r\n\r\n{}",
        &file[..cut]
    );
    let first = RawAnswerServer::start(reply, false).await?;
    let scratch = Scratch::new()?;
    let part = scratch.part();
    let client = tagged_client(&first.url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &first.url, &part))
        .await?;
    if !matches!(result, Err(ResumeError::Http(_)))
        || contents(&part).as_deref() != Some(&file.as_bytes()[..cut])
    {
        return Err(EXERCISE.fail(&format!(
            "with no part, answered 200 with `ETag: \"v1\"` announcing 400 bytes, then {cut} \
             bytes and a closed connection, the function returned {} and the part is {}; \
             expected Err(Http(..)) with those {cut} bytes in the part: a body that breaks off \
             is an error, and what came before the break is kept",
            describe(&result),
            compare(&part, &file.as_bytes()[..cut])
        )));
    }
    let content_range = format!("bytes {cut}-399/400");
    let second = answering(
        ResponseTemplate::new(206)
            .insert_header("content-range", content_range.as_str())
            .insert_header("etag", "W/\"v2\"")
            .insert_header("last-modified", "Sat, 05 Dec 2026 18:30:00 GMT")
            .insert_header("retry-after", "120")
            .set_body_bytes(&file.as_bytes()[cut..]),
    )
    .await;
    let url = format!("{}/files/400", second.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let seen = ranges_seen(&second).await;
    let expected_range = format!("bytes={cut}-");
    if matches!(result, Ok(400))
        && contents(&part).as_deref() == Some(file.as_bytes())
        && seen == [(Some(expected_range.clone()), true)]
    {
        return the_calls_after_a_whole_file(candidate, &second, &url, &part, &file).await;
    }
    Err(EXERCISE.fail(&format!(
        "after a 200 with `ETag: \"v1\"` that broke off with {cut} bytes in the part, the next \
         call was answered 206 with `Content-Range: {content_range}`, a weak `ETag: W/\"v2\"`, a \
         later `Last-Modified` and `Retry-After: 120`; the \
         server received these requests (Range header, sent by the client given): {seen:?}, the \
         function returned {} and the part is {}; expected one request with `Range: \
         {expected_range}`, Ok(400) and the rest appended: a 206 that starts at byte N is \
         appended, whatever its `ETag` or `Last-Modified`, weak or strong (the contract asks \
         with `Range` alone and compares no version, so a tag or date kept from an earlier \
         answer decides nothing), and whatever else its head says (a `Retry-After` on a 206 \
         is no error)",
        describe(&result),
        compare(&part, file.as_bytes())
    )))
}

/// Two more calls on the part of [`the_next_call_resumes_a_new_version`], now the whole file of
/// 400 bytes, at the same address: first the server answers `416` with `bytes */400` (the part
/// is as long as the file): `Err(Status(416))` after one request, a call that remembers the
/// file came in whole and sends nothing fails; then the part is deleted and another of 100
/// bytes of other content put in its place, and the server answers `206 bytes 100-399/400`:
/// appended to the new part (a file handle kept open from an earlier call writes to the
/// deleted one).
async fn the_calls_after_a_whole_file<F>(
    candidate: &F,
    server: &MockServer,
    url: &str,
    part: &Path,
    file: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    answer_from_now_on(
        server,
        ResponseTemplate::new(416).insert_header("content-range", "bytes */400"),
    )
    .await;
    let client = tagged_client(url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, url, part))
        .await?;
    let seen = ranges_seen(server).await;
    let whole = file.as_bytes();
    if !matches!(result, Err(ResumeError::Status(status)) if status.as_u16() == 416)
        || seen != [(Some("bytes=400-".to_owned()), true)]
        || contents(part).as_deref() != Some(whole)
    {
        return Err(EXERCISE.fail(&format!(
            "with a part of 400 bytes that an earlier call had finished, the server received \
             these requests (Range header, sent by the client given): {seen:?}, answered 416 \
             `Content-Range: bytes */400`, and the function returned {} with the part {}; \
             expected one request with `Range: bytes=400-`, Err(Status(416)) and the part as it \
             was: every call asks the server from the part's size now (nothing kept from an \
             earlier call, not even that the file came in whole), and a 416 is a status like \
             any other",
            describe(&result),
            compare(part, whole)
        )));
    }
    // Another part in the same place: the old one deleted, 100 bytes of other content written.
    let other: Vec<u8> =
        b"another part, put in the place of the old one. ".repeat(3)[..100].to_vec();
    std::fs::remove_file(part)
        .and_then(|()| std::fs::write(part, &other))
        .map_err(|err| format!("the check could not replace {}: {err}", part.display()))?;
    answer_from_now_on(
        server,
        ResponseTemplate::new(206)
            .insert_header("content-range", "bytes 100-399/400")
            .set_body_bytes(&whole[100..]),
    )
    .await;
    // A request that sends a version back (`If-None-Match`, `If-Modified-Since`) gets the 304 a
    // real server sends when that version is still the one it has.
    for validator in ["if-none-match", "if-modified-since"] {
        Mock::given(method("GET"))
            .and(header_exists(validator))
            .respond_with(ResponseTemplate::new(304).insert_header("etag", "W/\"v2\""))
            .with_priority(1)
            .mount(server)
            .await;
    }
    // And one that sets a condition on the version (`If-Match`, `If-Unmodified-Since`) gets the
    // 412 a server sends when its file changed after the date or tag named.
    for precondition in ["if-match", "if-unmodified-since"] {
        Mock::given(method("GET"))
            .and(header_exists(precondition))
            .respond_with(ResponseTemplate::new(412))
            .with_priority(1)
            .mount(server)
            .await;
    }
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, url, part))
        .await?;
    let expected = [other.as_slice(), &whole[100..]].concat();
    let seen = ranges_seen(server).await;
    if matches!(result, Ok(400))
        && contents(part) == Some(expected.clone())
        && seen == [(Some("bytes=100-".to_owned()), true)]
    {
        return the_part_and_the_file_grew(candidate, server, url, part, &expected).await;
    }
    let conditional: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .flat_map(|request| {
            [
                "if-none-match",
                "if-modified-since",
                "if-match",
                "if-unmodified-since",
            ]
            .into_iter()
            .filter_map(|name| {
                request
                    .headers
                    .get(name)
                    .map(|value| format!("`{name}: {}`", String::from_utf8_lossy(value.as_bytes())))
            })
            .collect::<Vec<_>>()
        })
        .collect();
    if !conditional.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "after an earlier call on the same address, the part was deleted and another of 100 \
             bytes put in its place; the request carried {}, which the server answered 304 or \
             412 (a version named, or a condition on it), and the function returned {}; \
             expected one request with `Range: bytes=100-` alone, answered 206, and Ok(400): the \
             contract asks with `Range` and nothing else (a version sent back makes a server \
             answer 304, a condition of your own on it 412, and the rest never comes)",
            conditional.join(", "),
            describe(&result)
        )));
    }
    Err(EXERCISE.fail(&format!(
        "after an earlier call on the same part, the part was deleted and another of 100 bytes \
         put in its place; answered 206 `Content-Range: bytes 100-399/400`, the server received \
         these requests (Range header, sent by the client given): {seen:?}, the function \
         returned {} and the part is {}; expected one request with `Range: bytes=100-`, \
         Ok(400) and the 300 bytes appended to the new part: each call works on the part as it \
         is now, and asks for the rest as the contract writes it, whatever an earlier call did \
         or learned (a file kept open from an earlier call writes to the deleted one; a mark \
         an earlier call left on the part when it failed refuses it; a last byte remembered \
         from an earlier answer changes the range)",
        describe(&result),
        compare(part, &expected)
    )))
}

/// Two more calls on the same part and address, now 400 bytes that the last call finished. First
/// a `308` to another path, through a client that follows no redirect: `Err(Status(308))`. Then
/// another program has appended 20 bytes to the part, and the file has grown to 450 bytes; the server
/// answers `206 bytes 420-449/450`. Asked at `url` (a redirect remembered from the first call
/// fails) with `Range: bytes=420-`, appended, `Ok(450)`: N is the
/// part's size now, whoever wrote its bytes (cutting the part back to what an earlier call left
/// fails), and a 206 that starts at N is appended whatever SIZE it names (refusing a total other
/// than the one this address gave before fails).
async fn the_part_and_the_file_grew<F>(
    candidate: &F,
    server: &MockServer,
    url: &str,
    part: &Path,
    had: &[u8],
) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let grown: Vec<u8> = b"twenty bytes more, and then thirty bytes of the file's new end."
        .iter()
        .copied()
        .cycle()
        .take(50)
        .collect();
    let (appended, rest) = grown.split_at(20);
    // First a permanent redirect, through a client that follows none: a status like any other,
    // and the next call still asks `url` (an address remembered from it sends elsewhere).
    answer_from_now_on(
        server,
        ResponseTemplate::new(308).insert_header("location", "/files/moved-for-good"),
    )
    .await;
    let no_redirects = client_following_no_redirect(url)?;
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&no_redirects, url, part))
        .await?;
    let seen = ranges_seen(server).await;
    if !matches!(result, Err(ResumeError::Status(status)) if status.as_u16() == 308)
        || seen != [(Some("bytes=400-".to_owned()), true)]
        || contents(part).as_deref() != Some(had)
    {
        return Err(EXERCISE.fail(&format!(
            "with a part of 400 bytes that an earlier call had finished, answered 308 with \
             `Location: /files/moved-for-good` through a client that follows no redirect, the \
             server received these requests (Range header, sent by the client given): {seen:?}, \
             and the function returned {} with the part {}; expected one request with `Range: \
             bytes=400-`, Err(Status(308)) and the part as it was: a 3xx is a status like any \
             other",
            describe(&result),
            compare(part, had)
        )));
    }
    std::fs::OpenOptions::new()
        .append(true)
        .open(part)
        .and_then(|mut file| std::io::Write::write_all(&mut file, appended))
        .map_err(|err| format!("the check could not append to {}: {err}", part.display()))?;
    answer_from_now_on(
        server,
        ResponseTemplate::new(206)
            .insert_header("content-range", "bytes 420-449/450")
            .set_body_bytes(rest),
    )
    .await;
    let client = tagged_client(url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, url, part))
        .await?;
    let expected = [had, &grown].concat();
    let seen = ranges_seen(server).await;
    let target =
        reqwest::Url::parse(url).map_or_else(|_| url.to_owned(), |url| url.path().to_owned());
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| request.url.path().to_owned())
        .collect();
    if paths != [target.clone()] {
        return Err(EXERCISE.fail(&format!(
            "after a call answered 308 with `Location: /files/moved-for-good`, the next call \
             with the same `url` sent its requests to these paths: {paths:?}; expected one \
             request to {target}: every call asks `url`, as given (no address remembered from an \
             earlier answer, not even a permanent redirect: following one is the client's \
             choice, made by its redirect policy)"
        )));
    }
    let asked = seen == [(Some("bytes=420-".to_owned()), true)];
    if asked && matches!(result, Ok(450)) && contents(part) == Some(expected.clone()) {
        return Ok(());
    }
    let why = if asked {
        "a 206 whose `Content-Range` starts at byte N is appended, whatever SIZE it names (a \
         file may grow between two calls: a total remembered from an earlier answer decides \
         nothing)"
    } else {
        "N is the part's size now, whoever wrote its bytes (bytes another program appended \
         count; cutting the part back to what an earlier call left asks for bytes the part \
         already has)"
    };
    Err(EXERCISE.fail(&format!(
        "after an earlier call left a part of 400 bytes, another program appended 20 bytes to \
         it, and the file at the same address grew to 450 bytes; answered 206 `Content-Range: \
         bytes 420-449/450`, the server received these requests (Range header, sent by the \
         client given): {seen:?}, the function returned {} and the part is {}; expected one \
         request with `Range: bytes=420-`, Ok(450) and the 30 bytes appended to the 420: {why}",
        describe(&result),
        compare(part, &expected)
    )))
}

pub async fn a_failed_connection_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let scratch = Scratch::new()?;
    let had = file_bytes(0..HAD);
    let part = scratch.leave(&had)?;
    // By the name `localhost`, through a client that counts its connection attempts.
    let url = format!(
        "{}/files/{SIZE}",
        unused_local_url().replace("127.0.0.1", "localhost")
    );
    let (client, attempts) = lesson_support::testing::counting_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if !matches!(result, Err(ResumeError::Http(_)))
        || contents(&part) != Some(had.clone())
        || attempts.get() != 1
    {
        let rule = if attempts.get() == 0 {
            "one GET of `url` through `client`, its host named as `url` names it (the client \
             looks `localhost` up itself, once for each connection it tries)"
        } else {
            "a failed connection is reported, not tried again (the caller decides when to try \
             again)"
        };
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes and `url` {url:?}, where nothing listens, the function \
             returned {} after {} connection attempt(s) and the part is {}; expected \
             Err(Http(..)) after one attempt, and the part as it was: {rule}",
            describe(&result),
            attempts.get(),
            compare(&part, &had)
        )));
    }
    // A server that reads the request and closes the connection without a word: the same
    // `Err`, after that one request (a retry of one's own asks again).
    let server = RawAnswerServer::start(String::new(), false).await?;
    let url = format!("{}/files/{SIZE}", server.url);
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    if matches!(result, Err(ResumeError::Http(_)))
        && contents(&part) == Some(had.clone())
        && server.requests() == 1
    {
        a_reset_connection_is_an_err(candidate, &part, &had).await?;
        return addresses_with_no_scheme_are_errors(candidate, &client, &part, &had).await;
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, the server read the request and closed the connection \
         without answering, the function returned {} after {} request(s) and the part is {}; \
         expected Err(Http(..)) after one request, and the part as it was: a failed request is \
         reported, not sent again (the caller decides when to try again)",
        describe(&result),
        server.requests(),
        compare(&part, &had)
    )))
}

/// A server that reads the request and resets the connection (as a proxy that drops it does):
/// `Err(Http)` after that one request, the part as it was (asking again once after a reset, as
/// for a stale pooled connection, fails).
async fn a_reset_connection_is_an_err<F>(candidate: &F, part: &Path, had: &[u8]) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let server = SlowBodyServer::start(|_, _| SlowAnswer::hang_up()).await;
    let url = format!("{}/files/{SIZE}", server.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, part))
        .await?;
    let requests = server.arrivals().len();
    if matches!(result, Err(ResumeError::Http(_)))
        && contents(part).as_deref() == Some(had)
        && requests == 1
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "with a part of {HAD} bytes, the server read the request and reset the connection, \
         the function returned {} after {requests} request(s) and the part is {}; expected \
         Err(Http(..)) after one request, and the part as it was: a failed request is \
         reported, not sent again, a reset one too (the caller decides when to try again)",
        describe(&result),
        compare(part, had)
    )))
}

/// Addresses with no scheme: reqwest cannot send them, and says so, and no request goes out.
/// `/files/7000` has no host either; `127.0.0.1:{port}/..` does not parse (a scheme starts with a
/// letter); `localhost:{port}/..` parses, with `localhost` for its scheme and no host (adding
/// `http://` of one's own sends a request; a host read with `expect` panics).
async fn addresses_with_no_scheme_are_errors<F>(
    candidate: &F,
    client: &Client,
    part: &Path,
    had: &[u8],
) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let api = MockApi::start().await;
    let port = api.uri().rsplit(':').next().unwrap_or_default().to_owned();
    for address in [
        "/files/7000".to_owned(),
        format!("127.0.0.1:{port}/files/7000"),
        format!("localhost:{port}/files/7000"),
        // Protocol-relative, as a web page writes it: a browser adds its page's scheme.
        format!("//127.0.0.1:{port}/files/7000"),
    ] {
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(client, &address, part))
            .await?;
        let requests = api.arrivals().len();
        if matches!(result, Err(ResumeError::Http(_)))
            && contents(part).as_deref() == Some(had)
            && requests == 0
        {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "with a part of {HAD} bytes and the address `{address}` (no scheme), the function \
             returned {} after {requests} request(s) reached the server at that port, and the \
             part is {}; expected Err(Http(..)) and no request, and the part as it was: `url` \
             is sent as it is given, and an address reqwest cannot send is its error, as \
             `client.get(url).send()` reports it (no scheme added of your own, never a panic \
             of your own parsing it)",
            describe(&result),
            compare(part, had)
        )));
    }
    Ok(())
}

pub async fn a_part_that_cannot_be_read_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    let api = MockApi::start().await;
    let scratch = Scratch::new()?;
    // The part's folder is a file: asking for the part's size fails, and not with `NotFound`.
    let folder = scratch.leave(b"not a folder")?;
    let part = folder.join("file.bin.part");
    let url = format!("{}/files/{SIZE}", api.uri());
    let client = tagged_client(&url);
    let result = EXERCISE
        .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
        .await?;
    let requests = api.arrivals().len();
    if matches!(result, Err(ResumeError::File(_))) && requests == 0 {
        // The same part with an address that has no scheme: the part is read first, so its
        // error is the call's, before anything of the address is looked at.
        let address = url.trim_start_matches("http://");
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, address, &part))
            .await?;
        if matches!(result, Err(ResumeError::File(_))) {
            return Ok(());
        }
        return Err(EXERCISE.fail(&format!(
            "with a part whose folder is a file (so its size cannot be read) and the address \
             {address:?}, which has no scheme, the function returned {}; expected Err(File(..)): \
             the part's size is read first, and an error reading it is the call's error, before \
             any request is made or even built",
            describe(&result)
        )));
    }
    Err(EXERCISE.fail(&format!(
        "with a part whose folder is a file (so its size cannot be read), the function returned \
         {} after {requests} request(s); expected Err(File(..)) and no request: only a part that \
         does not exist counts as 0 bytes (`ErrorKind::NotFound`); any other error reading it is \
         the call's error, before anything is asked",
        describe(&result)
    )))
}

/// A 206 whose `Content-Range` is cut short. With no `/SIZE` but the right start, it may be
/// appended (the start is what decides) or refused; nothing but the unit, a lone `*`, or nothing
/// at all starts at no byte: refused, the part as it was. Never a panic (slicing the text at
/// byte 6, or `expect`ing a `/`, panics).
pub async fn a_content_range_cut_short_is_refused<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &Path) -> Result<u64, ResumeError>,
{
    for content_range in ["bytes 5003-150000", "bytes", "*", ""] {
        let server = answering(
            ResponseTemplate::new(206)
                .insert_header("content-range", content_range)
                .set_body_bytes(file_bytes(HAD..SIZE)),
        )
        .await;
        let scratch = Scratch::new()?;
        let had = file_bytes(0..HAD);
        let part = scratch.leave(&had)?;
        let url = format!("{}/files/{SIZE}", server.uri());
        let client = tagged_client(&url);
        let result = EXERCISE
            .run_within(CALL_PATIENCE, candidate(&client, &url, &part))
            .await?;
        let refused = matches!(
            &result,
            Err(ResumeError::WrongRange { asked, content_range: text })
                if *asked == HAD && text == content_range
        ) && contents(&part) == Some(had.clone());
        let whole = file_bytes(0..SIZE);
        let appended = content_range.contains('-')
            && matches!(result, Ok(size) if size == SIZE)
            && contents(&part) == Some(whole);
        if !refused && !appended {
            return Err(EXERCISE.fail(&format!(
                "with a part of {HAD} bytes, answered 206 with `Content-Range: {content_range}`, \
                 the function returned {} and the part is {}; expected Err(WrongRange {{ asked: \
                 {HAD}, content_range: {content_range:?} }}) and the part as it was{}: a \
                 `Content-Range` that names no first byte N is refused, and none is a panic",
                describe(&result),
                compare(&part, &had),
                if content_range.contains('-') {
                    " (or the rest appended: it starts at N)"
                } else {
                    ""
                }
            )));
        }
    }
    Ok(())
}
