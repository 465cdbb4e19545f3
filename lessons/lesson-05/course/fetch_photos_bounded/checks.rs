//! The checks of exercise 6 (`fetch_photos_bounded`): each one a rule of the contract, each
//! failure a message that says what the server saw and where to look.
//!
//! How many requests were in flight is measured on the server's side, from when each request
//! arrived and how long its answer took, so no amount of client-side bookkeeping can fool it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Photo;
use lesson_support::testing::{Exercise, Verdict, is_tagged, tagged_client};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub const EXERCISE: Exercise = Exercise {
    number: 6,
    file: "lessons/lesson-05/src/exercises/fetch_photos_bounded.rs",
};

/// Every answer's delay in the bound check: long enough that a busy machine cannot make
/// requests sent together look like requests sent one by one.
const LATENCY: Duration = Duration::from_millis(150);

/// How long a candidate may take with `limit` 0 before the check calls it a hang: ten times what
/// the right answer needs (3 requests of 50 ms, one after another).
const PATIENCE: Duration = Duration::from_millis(1500);

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    returns_one_photo_per_id_in_the_order_of_ids(&candidate).await?;
    keeps_exactly_limit_requests_in_flight(&candidate).await?;
    starts_the_next_request_as_soon_as_one_finishes(&candidate).await?;
    sends_every_request_through_the_given_client(&candidate).await?;
    reports_a_failed_id_without_losing_the_others(&candidate).await?;
    treats_a_limit_of_zero_as_one(&candidate).await?;
    returns_nothing_for_no_ids(&candidate).await
}

/// One result per id, in the order of `ids`, with the right photos, even when the answers
/// arrive in another order.
pub async fn returns_one_photo_per_id_in_the_order_of_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    // Photo n takes n × 50 ms, and the ids go from slowest to fastest: with 3 in flight, the
    // first answers to come back are those of photos 4, 5 and 6, in that order.
    let ids = [6, 5, 4, 3, 2, 1];
    let delays: Vec<(u64, Duration)> = ids
        .iter()
        .map(|&id| (id, Duration::from_millis(50 * id)))
        .collect();
    let server = PhotosWithDelays::start(&delays).await;
    let client = tagged_client(&server.uri());

    let results = EXERCISE
        .run(candidate(&client, &server.uri(), &ids, 3))
        .await?;

    let received = server.arrivals().len();
    if received < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "the server at `base_url` received {received} of the {} requests: build each URL \
             from `base_url` (format!(\"{{base_url}}/photos/{{id}}\")) instead of a fixed address",
            ids.len()
        )));
    }
    if results.len() != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for {} ids and got {} results: return exactly one result per id",
            ids.len(),
            results.len()
        )));
    }
    let got: Vec<String> = results
        .iter()
        .map(|result| match result {
            Ok(photo) => photo.id.to_string(),
            Err(_) => "error".to_owned(),
        })
        .collect();
    if got != ["6", "5", "4", "3", "2", "1"] {
        return Err(EXERCISE.fail(&format!(
            "for ids [6, 5, 4, 3, 2, 1] the results held photos [{}], while the first answers \
             to arrive were those of 4, 5 and 6. Return them in the order of `ids`: \
             `buffer_unordered` yields them as they finish, so carry each id's position \
             along (`enumerate`) and put the results back in place",
            got.join(", ")
        )));
    }
    for (id, result) in ids.iter().zip(&results) {
        let title = result
            .as_ref()
            .map(|photo| photo.title.clone())
            .unwrap_or_default();
        if title != photo_title(*id) {
            return Err(EXERCISE.fail(&format!(
                "photo {id} came back with the title {title:?} instead of {:?}",
                photo_title(*id)
            )));
        }
    }
    Ok(())
}

/// The server sees exactly `limit` requests at once: never more, and not fewer either.
pub async fn keeps_exactly_limit_requests_in_flight<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder()
        .latency(Latency::Fixed(LATENCY))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids: Vec<u64> = (1..=12).collect();
    let limit = 3;

    EXERCISE
        .run(candidate(&client, &api.uri(), &ids, limit))
        .await?;

    let arrived = api.arrivals().len();
    let peak = api.peak_in_flight();
    if arrived < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "the server received {arrived} of the {} requests: send one per id",
            ids.len()
        )));
    }
    if peak == limit {
        return Ok(());
    }
    Err(EXERCISE.fail(&if peak > limit {
        format!(
            "at most `limit` ({limit}) requests may be in flight; the server saw {peak} at \
             once. `join_all` starts them all; bound them with `buffer_unordered(limit)`, or \
             with one `Semaphore` shared by every request (a semaphore made per request bounds \
             nothing)"
        )
    } else if peak <= 1 {
        format!(
            "the {} requests reached the server one after another, though `limit` was \
             {limit}: is there an `.await` inside your loop? Let {limit} run at once",
            ids.len()
        )
    } else {
        format!(
            "only {peak} requests were in flight at a time, though `limit` was {limit}: keep \
             `limit` of them running, not fewer"
        )
    }))
}

/// A slow request does not hold up the others: as soon as any request finishes, the next one
/// starts in its place, without waiting for a whole batch, or for the requests before it.
pub async fn starts_the_next_request_as_soon_as_one_finishes<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    // Photo 2 takes 600 ms, the others 50 ms. With 2 in flight, photo 3 can start when photo
    // 1 is back, at about 50 ms, and photo 4 when photo 3 is, at about 100 ms: long before
    // photo 2 is back.
    let slow = ms(600);
    let ids: Vec<u64> = (1..=6).collect();
    let delays: Vec<(u64, Duration)> = ids
        .iter()
        .map(|&id| (id, if id == 2 { slow } else { ms(50) }))
        .collect();
    let server = PhotosWithDelays::start(&delays).await;
    let client = tagged_client(&server.uri());

    EXERCISE
        .run(candidate(&client, &server.uri(), &ids, 2))
        .await?;

    let arrivals = server.arrivals();
    let arrived_at = |id: u64| arrivals.iter().find(|a| a.0 == id).map(|a| a.1);
    let (Some(start), Some(third), Some(fourth)) =
        (arrivals.first().map(|a| a.1), arrived_at(3), arrived_at(4))
    else {
        return Err(EXERCISE.fail(&format!(
            "the server received {} of the {} requests: send one per id",
            arrivals.len(),
            ids.len()
        )));
    };
    // Half the slow delay: far above the 50 or 100 ms the right answer needs, far below the
    // 600 ms of a request that waited for photo 2.
    let late = slow / 2;
    let third = third.saturating_duration_since(start);
    let fourth = fourth.saturating_duration_since(start);
    if third >= late {
        return Err(EXERCISE.fail(&format!(
            "with `limit` 2, photo 2 taking 600 ms and the others 50 ms, the request for photo \
             3 reached the server {} ms after the first, although photo 1 had freed its slot \
             after 50 ms: it waited for the slow photo 2. Awaiting in batches of `limit` \
             (`chunks` + `join_all`) leaves slots idle; start the next request as soon as any \
             one finishes (`buffer_unordered`)",
            third.as_millis()
        )));
    }
    if fourth >= late {
        return Err(EXERCISE.fail(&format!(
            "with `limit` 2, photo 2 taking 600 ms and the others 50 ms, the request for photo \
             4 reached the server {} ms after the first, although photo 3 was back after \
             about 100 ms: its answer was held until the slow photo 2 was out, and a held \
             answer kept its slot. That is `buffered`: it keeps the order by holding answers \
             back. Use `buffer_unordered`, which frees a slot as soon as a request finishes, \
             and put the results back in the order of `ids` yourself",
            fourth.as_millis()
        )));
    }
    Ok(())
}

/// Every request goes through the client given as an argument.
pub async fn sends_every_request_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    EXERCISE
        .run(candidate(&client, &api.uri(), &[1, 2, 3, 4], 2))
        .await?;

    let arrivals = api.arrivals();
    let strangers = arrivals.iter().filter(|a| !is_tagged(&a.headers)).count();
    if arrivals.is_empty() || strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of {} requests did not come from the `client` you were given: send \
             every request through it (or a clone of it) instead of a new `Client` or \
             `reqwest::get`, which start a new connection pool each time",
            arrivals.len()
        )));
    }
    Ok(())
}

/// A photo that fails (here: the server answers 500 for photo 3) is an `Err` in its place,
/// and the other photos still arrive.
pub async fn reports_a_failed_id_without_losing_the_others<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![3]),
            effect: FaultEffect::Status(500),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [1, 2, 3, 4, 5, 6];

    let results = EXERCISE
        .run(candidate(&client, &api.uri(), &ids, 2))
        .await?;

    if results.len() != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for 6 ids, one of which fails, and got {} results: a failure must take its \
             place in the list as an `Err`, not shorten the list",
            results.len()
        )));
    }
    let lost: Vec<u64> = ids
        .iter()
        .zip(&results)
        .filter(|(id, result)| **id != 3 && result.is_err())
        .map(|(id, _)| *id)
        .collect();
    if !lost.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "photo 3 failed with a 500, and photos {lost:?} were lost with it: keep each \
             photo's result separate"
        )));
    }
    match &results[2] {
        Ok(_) => Err(EXERCISE
            .fail("the server answered 500 for photo 3, yet its result is `Ok`: check the status")),
        Err(err) if err.status().map(|s| s.as_u16()) == Some(500) => Ok(()),
        Err(err) => Err(EXERCISE.fail(&format!(
            "the server answered 500 for photo 3, but its error says: {err}. Call \
             `.error_for_status()` before decoding, so the error is about the status and not \
             about a body that is not a photo"
        ))),
    }
}

/// `limit` 0 works like 1: every photo arrives, one at a time, and the function returns.
pub async fn treats_a_limit_of_zero_as_one<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder()
        .latency(Latency::Fixed(ms(50)))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [1, 2, 3];

    let outcome = tokio::time::timeout(
        PATIENCE,
        EXERCISE.run(candidate(&client, &api.uri(), &ids, 0)),
    )
    .await;
    let Ok(results) = outcome else {
        return Err(EXERCISE.fail(&format!(
            "with `limit` 0 and 3 ids, your function had not returned after {:.1} s (the \
             server received {} requests): `buffer_unordered(0)` starts no request and waits \
             forever, and so does a `Semaphore::new(0)`. Take 0 as 1: `limit.max(1)`",
            PATIENCE.as_secs_f64(),
            api.arrivals().len()
        )));
    };
    let results = results?;
    let arrived = results.iter().filter(|result| result.is_ok()).count();
    let peak = api.peak_in_flight();
    if results.len() != ids.len() || arrived != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "with `limit` 0 and 3 ids, {arrived} of {} results were photos: take 0 as 1 and \
             fetch every photo",
            results.len()
        )));
    }
    if peak > 1 {
        return Err(EXERCISE.fail(&format!(
            "with `limit` 0 the server saw {peak} requests at once: take 0 as 1, one at a time"
        )));
    }
    Ok(())
}

/// No ids, no requests, no results, and no panic.
pub async fn returns_nothing_for_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let results = EXERCISE.run(candidate(&client, &api.uri(), &[], 4)).await?;

    let sent = api.arrivals().len();
    if results.is_empty() && sent == 0 {
        Ok(())
    } else {
        Err(EXERCISE.fail(&format!(
            "with no ids, got {} results and the server received {sent} requests: no ids, \
             no requests, an empty list",
            results.len()
        )))
    }
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// The title of photo `id` on a [`PhotosWithDelays`] server.
fn photo_title(id: u64) -> String {
    format!("photo number {id}")
}

/// A server whose photos answer after delays chosen per id, and which notes when each request
/// arrived: what the checks need to make answers finish in an order of their choosing and to
/// see when the next request started. (`MockApi` draws its delays per request, not per id.)
struct PhotosWithDelays {
    server: MockServer,
    /// `(id, when its request arrived)`, in arrival order.
    log: Arc<Mutex<Vec<(u64, Instant)>>>,
}

impl PhotosWithDelays {
    /// Serves `GET /photos/{id}` for the ids in `delays`, each after its delay; anything else
    /// gets a 404.
    async fn start(delays: &[(u64, Duration)]) -> PhotosWithDelays {
        let server = MockServer::start().await;
        let log = Arc::new(Mutex::new(Vec::new()));
        Mock::given(method("GET"))
            .respond_with(DelayedPhoto {
                delays: delays.iter().copied().collect(),
                log: Arc::clone(&log),
            })
            .mount(&server)
            .await;
        PhotosWithDelays { server, log }
    }

    fn uri(&self) -> String {
        self.server.uri()
    }

    fn arrivals(&self) -> Vec<(u64, Instant)> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// The responder behind [`PhotosWithDelays`]. wiremock calls it as each request arrives, and
/// waits the delay it returns only afterwards, so the time it notes is the arrival.
struct DelayedPhoto {
    delays: HashMap<u64, Duration>,
    log: Arc<Mutex<Vec<(u64, Instant)>>>,
}

impl Respond for DelayedPhoto {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let id = request
            .url
            .path()
            .strip_prefix("/photos/")
            .and_then(|id| id.parse::<u64>().ok());
        let Some((id, delay)) = id.and_then(|id| Some((id, *self.delays.get(&id)?))) else {
            return ResponseTemplate::new(404);
        };
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((id, Instant::now()));
        let photo = Photo {
            album_id: 1,
            id,
            title: photo_title(id),
            url: format!("https://example.com/600/{id}"),
            thumbnail_url: format!("https://example.com/150/{id}"),
        };
        ResponseTemplate::new(200)
            .set_body_json(photo)
            .set_delay(delay)
    }
}
