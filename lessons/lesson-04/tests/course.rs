//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the error type as `crate::ApiError` (and one correct variant uses
// `crate::fetch_json`, wrong answers `crate::fetch_post_with_comments_by` and `crate::causes`),
// as a learner's file inside the lesson's crate can.
use lesson_04::{ApiError, causes, fetch_json, fetch_post, fetch_post_with_comments_by};

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/fetch_post_within.rs"),
        include_str!("../course/fetch_post_within/stub.rs"),
        "src/exercises/fetch_post_within.rs differs from course/fetch_post_within/stub.rs"
    );
}

#[path = "../course/fetch_post_within"]
mod fetch_post_within {
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_post_within;
        wrong: {
            asks_for_gzip in "wrong/asks_for_gzip.rs" => "ask for no encoding the client cannot read",
            drains_error_body_first in "wrong/drains_error_body_first.rs" => "an error status is known as soon as the head arrives",
            drains_error_body_in_background in "wrong/drains_error_body_in_background.rs" => "nothing of a call outlives it",
            caps_limit_at_a_day in "wrong/caps_limit_at_a_day.rs" => "`Duration::MAX` is the longest timeout there is",
            request_in_spawned_task in "wrong/request_in_spawned_task.rs" => "nothing of a call outlives it, so a dropped call stops its request",
            six_per_host in "wrong/six_per_host.rs" => "call(s) had not returned",
            drains_error_body_again in "wrong/drains_error_body_again.rs" => "without reading (or waiting for) the error answer's body",
            spawned_request_outlives_call in "wrong/spawned_request_outlives_call.rs" => "a dropped call stops its request",
            caps_max_limit_at_a_day in "wrong/caps_max_limit_at_a_day.rs" => "with no cap of your own",
            spawns_the_request_task in "wrong/spawns_the_request_task.rs" => "a dropped call stops its request",
            retries_a_refused_connection in "wrong/retries_a_refused_connection.rs" => "Report a refused connection at once, without trying again",
            drains_error_body_before_reporting in "wrong/drains_error_body_before_reporting.rs" => "without reading (or waiting for) the error answer's body",
            route_template_error_url in "wrong/route_template_error_url.rs" => "expected the URL asked for",
            jittered_limit in "wrong/jittered_limit.rs" => "it must wait until `limit` has passed, not less",
            heartbeat_every_quarter_limit in "wrong/heartbeat_every_quarter_limit.rs" => "Never a panic",
            transfer_coding_gzip_requested in "wrong/transfer_coding_gzip_requested.rs" => "said `TE: gzip`",
            browser_accept_header in "wrong/browser_accept_header.rs" => "which asks for `text/html` first",
            warms_server_after_timeout in "wrong/warms_server_after_timeout.rs" => "nothing of a call outlives it (no request sent in the background",
            long_retry_after_is_timeout in "wrong/long_retry_after_is_timeout.rs" => "whatever wait it asks for",
            cdn_origin_statuses_reclassified in "wrong/cdn_origin_statuses_reclassified.rs" => "answered 521 for post 56; expected Err(Status",
            retries_406_without_accept in "wrong/retries_406_without_accept.rs" => "the server answered 406 for post 55, and received 2 requests",
            gzip_for_remote_hosts in "wrong/gzip_for_remote_hosts.rs" => "a host that is not this machine",
            spawned_request_outlives_drop in "wrong/spawned_request_outlives_drop.rs" => "nothing of a call outlives it",
            reads_body_before_status in "wrong/reads_body_before_status.rs" => "Report it then, from the status alone",
            cache_busting_query in "wrong/cache_busting_query.rs" => "expected \"GET /api/v1/posts/58\"",
            retries_refused_connection in "wrong/retries_refused_connection.rs" => "Report a refused connection at once, without trying again",
            brotli_requested in "wrong/brotli_requested.rs" => "ask for no encoding the client cannot read",
            reset_is_connect in "wrong/reset_is_connect.rs" => "then reset the connection",
            aiohttp_ceil_threshold in "wrong/aiohttp_ceil_threshold.rs" => "give up when `limit` has passed",
            host_header_from_hostname in "wrong/host_header_from_hostname.rs" => "use the base URL as it is given",
            identity_refused in "wrong/identity_refused.rs" => "ask for no encoding the client cannot read",
            ratelimit_window_pause in "wrong/ratelimit_window_pause.rs" => "no spacing, queue or rate limit of your own",
            timeout_found_in_message in "wrong/timeout_found_in_message.rs" => "not by their text",
            error_url_query_redacted in "wrong/error_url_query_redacted.rs" => "whole (its query too)",
            multiple_choices_followed in "wrong/multiple_choices_followed.rs" => "one call, one request; the client follows",
            one_unlimited_call_at_a_time in "wrong/one_unlimited_call_at_a_time.rs" => "one waited for the other",
            html_entities_unescaped in "wrong/html_entities_unescaped.rs" => "no unescaping of `&amp;`",
            last_error_response_kept in "wrong/last_error_response_kept.rs" => "your function returned NotFound, and 2 s later the connection was still open",
            limit_millis_u32 in "wrong/limit_millis_u32.rs" => "after 4294967.296s (49.7 days)",
            max_age_cache in "wrong/max_age_cache.rs" => "`Cache-Control: max-age=60`: the server received 1 requests",
            post_owner_validated in "wrong/post_owner_validated.rs" => "post 9007199254740993 (2^53 + 1); expected Ok",
            resend_on_other_post in "wrong/resend_on_other_post.rs" => "post 7, and received 2 requests from one call",
            signed_wire_ids in "wrong/signed_wire_ids.rs" => "`\"userId\": -1`",
            spawn_guard_after_yield in "wrong/spawn_guard_after_yield.rs" => "right after its first poll; 2 s later the server still had 1 request(s) open",
            garbled_head_is_decode in "wrong/garbled_head_is_decode.rs" => "answered in another protocol",
            retry_after_reset in "wrong/retry_after_reset.rs" => "then reset the connection (a TCP RST) without answering, and received 2 requests",
            send_lock_until_head in "wrong/send_lock_until_head.rs" => "23 calls were made at once",
            success_codes_listed in "wrong/success_codes_listed.rs" => "a successful answer is any 2xx, not only 200",
            text_fields_coerced in "wrong/text_fields_coerced.rs" => "a title and a body are JSON strings",
            body_first_line_logged in "wrong/body_first_line_logged.rs" => "your code panicked",
            connect_timeout_retried in "wrong/connect_timeout_retried.rs" => "no second connection attempt",
            crlf_normalized in "wrong/crlf_normalized.rs" => "the post as the server sent it",
            error_snippet_grace in "wrong/error_snippet_grace.rs" => "no grace period",
            timeout_health_probe in "wrong/timeout_health_probe.rs" => "HEAD /api/v1",
            aged_answer_refetched in "wrong/aged_answer_refetched.rs" => "no second request, to refresh",
            select_loop_resends in "wrong/select_loop_resends.rs" => "requests from that one call",
            server_header_unwrapped in "wrong/server_header_unwrapped.rs" => "your code panicked",
            spare_time_underflow in "wrong/spare_time_underflow.rs" => "under a millisecond",
            whole_call_in_spawn_blocking in "wrong/whole_call_in_spawn_blocking.rs" => "of real time",
            blocking_courtesy_pause in "wrong/blocking_courtesy_pause.rs" => "the thread blocked",
            budget_percent_by_millis in "wrong/budget_percent_by_millis.rs" => "under a millisecond",
            json_error_envelope in "wrong/json_error_envelope.rs" => "an error described in the body",
            reason_phrase_expected in "wrong/reason_phrase_expected.rs" => "your code panicked",
            slow_warning_outlives_drop in "wrong/slow_warning_outlives_drop.rs" => "task(s) more than before the call",
            spa_fallback_is_not_found in "wrong/spa_fallback_is_not_found.rs" => "labelled `Content-Type: text/html`",
            wire_ids_u32 in "wrong/wire_ids_u32.rs" => "every digit of it",
            content_length_expected in "wrong/content_length_expected.rs" => "your code panicked",
            error_response_forgotten in "wrong/error_response_forgotten.rs" => "an answer whose status is an error is dropped, body unread",
            misdirected_421_retried in "wrong/misdirected_421_retried.rs" => "421",
            moved_post_remembered in "wrong/moved_post_remembered.rs" => "each call asks {base_url}/posts/{id} itself",
            offsite_redirect_refused in "wrong/offsite_redirect_refused.rs" => "the client follows redirects to any host",
            session_cookie_replayed in "wrong/session_cookie_replayed.rs" => "cookies included",
            body_decoded_in_spawned_task in "wrong/body_decoded_in_spawned_task.rs" => "nothing of a call outlives it",
            content_type_indexed in "wrong/content_type_indexed.rs" => "your code panicked",
            double_encoded_json_accepted in "wrong/double_encoded_json_accepted.rs" => "JSON inside JSON",
            error_body_drained_in_background in "wrong/error_body_drained_in_background.rs" => "an answer whose status is an error is dropped, body unread",
            limit_snapped_to_50ms in "wrong/limit_snapped_to_50ms.rs" => "45.037s",
            proxy_auth_is_connect in "wrong/proxy_auth_is_connect.rs" => "407",
            detached_task in "wrong/detached_task.rs" => "nothing of a call outlives it",
            partial_content_rejected in "wrong/partial_content_rejected.rs" => "206 Partial Content",
            proportional_slack in "wrong/proportional_slack.rs" => "gave up with Timeout only after 49.5",
            redirected_404_is_status in "wrong/redirected_404_is_status.rs" => "where the server answers 404; expected Err(NotFound",
            skips_default_limit in "wrong/skips_default_limit.rs" => "the course client's usual timeout, but this client's own was",
            unwrap_err_on_non_success in "wrong/unwrap_err_on_non_success.rs" => "your code panicked",
            accept_encoding_wildcard in "wrong/accept_encoding_wildcard.rs" => "your request's Accept-Encoding was [\"*\"]",
            manufactured_timeout in "wrong/manufactured_timeout.rs" => "After a timeout, return Timeout; do not retry || and the server received 2 request(s) || it had received GET /api/v1/posts/64 2 times",
            one_body_at_a_time in "wrong/one_body_at_a_time.rs" => "each call is on its own, reading its body too",
            prefetch_next_post in "wrong/prefetch_next_post.rs" => "[\"GET /api/v1/posts/58\", \"GET /api/v1/posts/59\"]",
            snake_case_alias in "wrong/snake_case_alias.rs" => "with `user_id` for `userId`",
            trailing_slash_debug_assert in "wrong/trailing_slash_debug_assert.rs" => "your code panicked",
            https_upgrade_remote in "wrong/https_upgrade_remote.rs" => "use the base URL as it is given, scheme and host included",
            leaky_bucket_limiter in "wrong/leaky_bucket_limiter.rs" => "something held requests back before sending",
            no_content_is_empty_post in "wrong/no_content_is_empty_post.rs" => "a successful answer with no body holds no post",
            not_found_probe in "wrong/not_found_probe.rs" => "\"HEAD /api/v1/posts\"] from one call",
            redirect_loop_is_status in "wrong/redirect_loop_is_status.rs" => "gives up after its tenth redirect; expected Err(Other(..))",
            retry_after_logged_expect in "wrong/retry_after_logged_expect.rs" => "your code panicked",
            string_ids_accepted in "wrong/string_ids_accepted.rs" => "an id is a JSON number, so this is not a post",
            deadline_instant_overflow in "wrong/deadline_instant_overflow.rs" => "never a panic, whatever `limit` is",
            error_url_is_base_url in "wrong/error_url_is_base_url.rs" => "expected the URL asked for",
            leftovers_are_decode in "wrong/leftovers_are_decode.rs" => "closed the connection without answering; expected Err(Other(..))",
            method_not_allowed_is_not_found in "wrong/method_not_allowed_is_not_found.rs" => "the server answered 405 for post 27, and the result is NotFound",
            per_post_lock in "wrong/per_post_lock.rs" => "or a queue or lock shared by calls, even calls for the same post",
            server_errors_decoded in "wrong/server_errors_decoded.rs" => "decoded without looking at the status first",
            client_behind_mutex in "wrong/client_behind_mutex.rs" => "23 calls were made at once",
            millis_fallback_zero in "wrong/millis_fallback_zero.rs" => "`limit` was `Duration::MAX`",
            resend_to_decode in "wrong/resend_to_decode.rs" => "one call sent 2 requests, [\"GET /api/v1/posts/58\", \"GET /api/v1/posts/58\"]",
            reuses_post_with_comments in "wrong/reuses_post_with_comments.rs" => "\"GET /api/v1/posts/58/comments\"",
            set_path_double_slash in "wrong/set_path_double_slash.rs" => "with no second slash",
            title_preview_slice in "wrong/title_preview_slice.rs" => "is not a char boundary",
            warm_up_once in "wrong/warm_up_once.rs" => "[\"GET /api/v1\", \"GET /api/v1/posts/58\"]",
            connect_error_backoff in "wrong/connect_error_backoff.rs" => "Report a refused connection at once",
            error_url_drops_port in "wrong/error_url_drops_port.rs" => "expected the URL asked for",
            local_429_when_busy in "wrong/local_429_when_busy.rs" => "got Err(Status { status: 429 Too Many Requests || 23 calls",
            mailto_segments_unwrap in "wrong/mailto_segments_unwrap.rs" => "a URL that cannot have a path, so no request can go to it, and your code panicked",
            message_sniffs_404 in "wrong/message_sniffs_404.rs" => "the server answered 500 for post 404, and the result is NotFound",
            zero_id_asserted in "wrong/zero_id_asserted.rs" => "post ids start at 1",
            blank_post_is_not_found in "wrong/blank_post_is_not_found.rs" => "empty text is text",
            data_envelope_unwrapped in "wrong/data_envelope_unwrapped.rs" => "no unwrapping of an envelope the contract does not name",
            dns_failure_is_other in "wrong/dns_failure_is_other.rs" => "a host name that does not resolve included",
            gzip_requested_by_hand in "wrong/gzip_requested_by_hand.rs" => "ask for no encoding the client cannot read",
            json_numbers_as_f64 in "wrong/json_numbers_as_f64.rs" => "an id is a `u64`, every digit of it",
            redirect_is_not_found in "wrong/redirect_is_not_found.rs" => "the client follows redirects (as it does by default)",
            tcp_probe_first in "wrong/tcp_probe_first.rs" => "give up once `limit` has passed",
            adaptive_timeout in "wrong/adaptive_timeout.rs" => "each call waits its own `limit`, whatever earlier answers took || `Duration::MAX` is a limit too, the longest there is",
            bad_gateway_is_connect in "wrong/bad_gateway_is_connect.rs" => "expected Err(Status { status: 502",
            localhost_rewritten in "wrong/localhost_rewritten.rs" => "use the base URL as it is given, host name, capitals and all",
            lowercased_base_url in "wrong/lowercased_base_url.rs" => "received [\"GET /blog/posts/posts/17",
            nonstandard_status_folded in "wrong/nonstandard_status_folded.rs" => "expected Err(Status { status: 599",
            polls_202_accepted in "wrong/polls_202_accepted.rs" => "the server answered 202 Accepted with post 12",
            posts_segment_deduped in "wrong/posts_segment_deduped.rs" => "and add `/posts/{id}` to it even when it ends in `/posts`",
            retry_truncated_body in "wrong/retry_truncated_body.rs" => "a body cut short is Decode, at once",
            bad_body_as_502 in "wrong/bad_body_as_502.rs" => "expected Err(Decode(..)), got Err(Status { status: 502",
            bad_url_as_400 in "wrong/bad_url_as_400.rs" => "expected Err(Other(..)), the variant for a request that could not even be built",
            base_url_parsed_once in "wrong/base_url_parsed_once.rs" => "the server there received no request from the call",
            body_size_cap in "wrong/body_size_cap.rs" => "a post is a post whatever its size",
            empty_base_defaults in "wrong/empty_base_defaults.rs" => "`base_url` was \"\", empty; expected Err(Other(..))",
            retry_after_wait_before_report in "wrong/retry_after_wait_before_report.rs" => "an error status is known as soon as the head arrives, so report it then",
            stale_if_error in "wrong/stale_if_error.rs" => "got Ok(post",
            circuit_breaker in "wrong/circuit_breaker.rs" => "and the server received no request",
            connect_only_when_refused in "wrong/connect_only_when_refused.rs" => "Connect is for every connection that cannot be made, a host name that does not resolve included",
            drains_error_body in "wrong/drains_error_body.rs" => "an error status is known as soon as the head arrives. Report it then",
            id_overwritten in "wrong/id_overwritten.rs" => "expected Ok(post 7), the post as the server sent it",
            negative_cache_404 in "wrong/negative_cache_404.rs" => "not one kept from an earlier call",
            query_id_filter in "wrong/query_id_filter.rs" => "the server received \"GET /api/v1/posts?id=58\"; expected \"GET /api/v1/posts/58\"",
            timeout_reported_as_408 in "wrong/timeout_reported_as_408.rs" => "expected Err(Timeout(..)) once `limit` has passed, got Err(Status { status: 408",
            trailing_slash_path in "wrong/trailing_slash_path.rs" => "the server received \"GET /api/v1/posts/58/\"; expected",
            one_day_sanity_cap in "wrong/one_day_sanity_cap.rs" => "`Duration::MAX` is the longest timeout there is, kept as it is",
            jitter_before_send in "wrong/jitter_before_send.rs" => "something held requests back before sending",
            follows_201_location in "wrong/follows_201_location.rs" => "received 2 requests from one call: one call, one request. The post in a successful answer",
            refetches_a_203 in "wrong/refetches_a_203.rs" => "received 2 requests from one call: one call, one request. The post in a successful answer",
            classifier_expects_url in "wrong/classifier_expects_url.rs" => "never a panic",
            float_millis_roundtrip in "wrong/float_millis_roundtrip.rs" => "your code panicked",
            retry_404_with_trailing_slash in "wrong/retry_404_with_trailing_slash.rs" => "one call, one request (a 404 will be a 404 again)",
            bad_base_url_is_connect in "wrong/bad_base_url_is_connect.rs" => "the variant for a request that could not even be built",
            // Its requests are kept per URL, and the checks' servers reuse ports: which check
            // meets a kept request first depends on the ports the system hands out.
            cached_request_template in "wrong/cached_request_template.rs" =>
                "each call waits its own `limit` || `limit` was `Duration::ZERO`",
            empty_base_url_panics in "wrong/empty_base_url_panics.rs" => "never a panic",
            first_client_kept in "wrong/first_client_kept.rs" => "not one kept from an earlier call",
            url_scrubbed_before_classify in "wrong/url_scrubbed_before_classify.rs" => "its url is \"\"; expected the URL asked for",
            etag_revalidation_cache in "wrong/etag_revalidation_cache.rs" => "no `If-None-Match` or `If-Modified-Since`",
            head_request_first in "wrong/head_request_first.rs" => "one call sent 2 requests",
            id_from_url in "wrong/id_from_url.rs" => "expected Ok(post 7), the post as the server sent it",
            retry_408_like_browsers in "wrong/retry_408_like_browsers.rs" => "one call, one request",
            unreachable_other_status in "wrong/unreachable_other_status.rs" => "never a panic, whatever the status",
            connection_cap in "wrong/connection_cap.rs" => "23 calls were made at once",
            deny_unknown_fields in "wrong/deny_unknown_fields.rs" => "a post with fields the model does not name is still a post",
            lenient_missing_fields in "wrong/lenient_missing_fields.rs" => "which is not a post; expected Err(Decode(..))",
            retry_after_gate in "wrong/retry_after_gate.rs" => "a Retry-After neither: every call sends its request",
            single_flight in "wrong/single_flight.rs" => "no sharing of requests in flight",
            zero_limit_sends_nothing in "wrong/zero_limit_sends_nothing.rs" => "a `limit` of zero is a timeout of zero",
            dns_failure_is_not_found in "wrong/dns_failure_is_not_found.rs" => "a host name that does not resolve included",
            hedged_request in "wrong/hedged_request.rs" => "one call, one request",
            known_id_range in "wrong/known_id_range.rs" => "is the server's to say",
            long_limit_own_client in "wrong/long_limit_own_client.rs" => "a limit longer than the client's own timeout",
            polite_spacing in "wrong/polite_spacing.rs" => "Keep nothing between calls: no spacing, queue or rate limit of your own",
            tidied_post in "wrong/tidied_post.rs" => "the post as the server sent it, every field unchanged",
            cache_buster_query in "wrong/cache_buster_query.rs" => "expected \"GET /api/v1/posts/58\"",
            content_type_required in "wrong/content_type_required.rs" => "whatever its `Content-Type` says",
            null_body_is_not_found in "wrong/null_body_is_not_found.rs" => "even JSON's null",
            refused_is_other in "wrong/refused_is_other.rs" => "expected Err(Connect(..)), got Err(Other(..))",
            status_range_exclusive in "wrong/status_range_exclusive.rs" => "the server answered 599",
            subsec_millis_limit in "wrong/subsec_millis_limit.rs" => "it must wait as long as `limit` says",
            default_scheme_like_curl in "wrong/default_scheme_like_curl.rs" => "a URL that cannot have a path, so no request can go to it",
            max_keeps_client_timeout in "wrong/max_keeps_client_timeout.rs" =>
                "`Duration::MAX` is a limit too, the longest there is",
            memoized_posts in "wrong/memoized_posts.rs" =>
                "the second call sent no request",
            only_200_is_success in "wrong/only_200_is_success.rs" =>
                "a successful answer is any 2xx, not only 200",
            other_id_is_not_found in "wrong/other_id_is_not_found.rs" =>
                "NotFound is for a 404 only",
            retry_after_honoured in "wrong/retry_after_honoured.rs" =>
                "one call, one request, Retry-After or not",
            body_before_status in "wrong/body_before_status.rs" => "an error status is known as soon as the head arrives",
            error_url_is_path in "wrong/error_url_is_path.rs" => "expected the URL asked for",
            other_4xx_decoded in "wrong/other_4xx_decoded.rs" => "every 4xx and 5xx is an error status",
            zero_floor in "wrong/zero_floor.rs" => "even against a server that answers within milliseconds",
            cut_short_is_other in "wrong/cut_short_is_other.rs" => "closed the connection halfway through the body",
            one_element_list in "wrong/one_element_list.rs" =>
                "a successful answer whose body is a list is not a post",
            route_404_is_status in "wrong/route_404_is_status.rs" =>
                "a 404 is NotFound, whatever the body",
            zero_limit_is_no_limit in "wrong/zero_limit_is_no_limit.rs" =>
                "a `limit` of zero is a timeout of zero",
            client_per_limit_cache in "wrong/client_per_limit_cache.rs" => "did not come from the `client` you were given",
            connect_before_timeout in "wrong/connect_before_timeout.rs" =>
                "a connection attempt that times out is a timeout, Timeout",
            gateway_timeout_is_timeout in "wrong/gateway_timeout_is_timeout.rs" =>
                "a status the server sent is Status, whatever it says",
            grace_overflows in "wrong/grace_overflows.rs" =>
                "never a panic, whatever `limit` is",
            limit_capped_at_client_timeout in "wrong/limit_capped_at_client_timeout.rs" =>
                "it replaces the client's, longer or shorter",
            retry_refused_connection in "wrong/retry_refused_connection.rs" =>
                "Report a refused connection at once",
            deadline_variant in "wrong/deadline_variant.rs" => "the variant of `tokio::time::timeout`'s error",
            early_margin in "wrong/early_margin.rs" => "it must wait until `limit` has passed, not less",
            gone_is_not_found in "wrong/gone_is_not_found.rs" => "only a 404 means",
            hangup_is_connect in "wrong/hangup_is_connect.rs" => "so it is not Connect",
            join_drops_last_segment in "wrong/join_drops_last_segment.rs" => "keep the base URL's path",
            panics_on_bad_base_url in "wrong/panics_on_bad_base_url.rs" =>
                "which is not a URL, and your code panicked",
            retry_stale_connection in "wrong/retry_stale_connection.rs" =>
                "closed the connection without answering, and received 2 requests from one call",
            slow_body_is_decode in "wrong/slow_body_is_decode.rs" => "a body that did not arrive within `limit` is a timeout",
            classifies_decode_before_timeout in "wrong/classifies_decode_before_timeout.rs" =>
                "a body that did not arrive within `limit` is a timeout",
            client_per_call in "wrong/client_per_call.rs" =>
                "did not come from the `client` you were given",
            connect_timeout_only in "wrong/connect_timeout_only.rs" =>
                "did not come from the `client` you were given",
            connect_for_every_send_error in "wrong/connect_for_every_send_error.rs" =>
                "the connection was made, so it is not Connect",
            decode_errors_by_step in "wrong/decode_errors_by_step.rs" =>
                "even when the error comes from `.json()`",
            everything_is_other in "wrong/everything_is_other.rs" =>
                "the result is Other, which is for failures without a variant of their own",
            fixed_long_timeout in "wrong/fixed_long_timeout.rs" =>
                "gave up with Timeout only after",
            fixed_timeout in "wrong/fixed_timeout.rs" =>
                "it must wait until `limit` has passed, not less || got Err(Timeout(..))",
            ignores_status in "wrong/ignores_status.rs" =>
                "decoded without looking at the status first",
            millis_as_seconds in "wrong/millis_as_seconds.rs" =>
                "your function was still waiting: give up once `limit` has passed",
            no_timeout in "wrong/no_timeout.rs" =>
                "your function was still waiting: give up once `limit` has passed",
            not_found_for_every_4xx in "wrong/not_found_for_every_4xx.rs" =>
                "only a 404 means \"no such post\"",
            not_found_url_is_the_path in "wrong/not_found_url_is_the_path.rs" =>
                "expected the URL asked for",
            outer_deadline in "wrong/outer_deadline.rs" =>
                "the variant of `tokio::time::timeout`'s error",
            panics_on_failure in "wrong/panics_on_failure.rs" => "your code panicked",
            read_timeout_client in "wrong/read_timeout_client.rs" =>
                "did not come from the `client` you were given",
            retries_on_timeout in "wrong/retries_on_timeout.rs" =>
                "After a timeout, return Timeout; do not retry",
            retries_server_errors in "wrong/retries_server_errors.rs" =>
                "one call, one request",
            status_only_for_server_errors in "wrong/status_only_for_server_errors.rs" =>
                "every 4xx and 5xx is an error status",
            timeout_around_send_only in "wrong/timeout_around_send_only.rs" =>
                "the variant of `tokio::time::timeout`'s error",
            timeout_as_connect in "wrong/timeout_as_connect.rs" =>
                "the connection was made, so it is not Connect",
            timeout_counts_as_connect in "wrong/timeout_counts_as_connect.rs" =>
                "a timeout is not a failed connection",
            url_join in "wrong/url_join.rs" =>
                "asked with a base URL ending in /api/v1, the request went to \"GET /posts/58\", outside it",
            whole_seconds in "wrong/whole_seconds.rs" =>
                "it must wait until `limit` has passed, not less || got Err(Timeout(..))",
        }
        correct: {
            try_future_chain_err_into in "also_correct/try_future_chain_err_into.rs",
            request_timeout_mut_execute in "also_correct/request_timeout_mut_execute.rs",
            ok_build_then_execute_again in "also_correct/ok_build_then_execute_again.rs",
            ok_matches_status_by_hand in "also_correct/ok_matches_status_by_hand.rs",
            into_future_request in "also_correct/into_future_request.rs",
            identity_only_star_refused in "also_correct/identity_only_star_refused.rs",
            ok_boxed_dyn_future in "also_correct/ok_boxed_dyn_future.rs",
            ok_async_closure in "also_correct/ok_async_closure.rs",
            ok_user_agent_per_request in "also_correct/ok_user_agent_per_request.rs",
            ok_timeout_on_built_request in "also_correct/ok_timeout_on_built_request.rs",
            ok_request_timeout_mut in "also_correct/ok_request_timeout_mut.rs",
            ok_build_then_execute in "also_correct/ok_build_then_execute.rs",
            gzip_refused_explicitly in "also_correct/gzip_refused_explicitly.rs",
            http10_one_connection_per_call in "also_correct/http10_one_connection_per_call.rs",
            asked_url_after_redirect in "also_correct/asked_url_after_redirect.rs",
            accept_json_header in "also_correct/accept_json_header.rs",
            joined_url in "also_correct/joined_url.rs",
            timeout_set_on_built_request in "also_correct/timeout_set_on_built_request.rs",
            spawned_abort_guard in "also_correct/spawned_abort_guard.rs",
            remote_handle_task in "also_correct/remote_handle_task.rs",
            timeout_mut_execute in "also_correct/timeout_mut_execute.rs",
            execute_asked_url in "also_correct/execute_asked_url.rs",
            identity_encoding_fetch_json in "also_correct/identity_encoding_fetch_json.rs",
            spawned_abort_guard_fetch_json in "also_correct/spawned_abort_guard_fetch_json.rs",
            built_request_timeout_mut in "also_correct/built_request_timeout_mut.rs",
            joinset_abort_on_drop in "also_correct/joinset_abort_on_drop.rs",
            execute_timeout_mut_by_hand in "also_correct/execute_timeout_mut_by_hand.rs",
            spawned_abort_on_drop in "also_correct/spawned_abort_on_drop.rs",
            connection_close in "also_correct/connection_close.rs",
            identity_encoding_execute in "also_correct/identity_encoding_execute.rs",
            base_slash_trimmed in "also_correct/base_slash_trimmed.rs",
            identity_encoding in "also_correct/identity_encoding.rs",
            spawned_with_abort_guard in "also_correct/spawned_with_abort_guard.rs",
            timeout_mut_execute_from_each_error in "also_correct/timeout_mut_execute_from_each_error.rs",
            pop_if_empty_segments_fetch_json in "also_correct/pop_if_empty_segments_fetch_json.rs",
            build_then_execute in "also_correct/build_then_execute.rs",
            status_by_hand in "also_correct/status_by_hand.rs",
            accept_encoding_identity in "also_correct/accept_encoding_identity.rs",
            built_request_execute in "also_correct/built_request_execute.rs",
            url_segments_fetch_json in "also_correct/url_segments_fetch_json.rs",
            execute_then_status_by_hand in "also_correct/execute_then_status_by_hand.rs",
            request_method_try_chain in "also_correct/request_method_try_chain.rs",
            build_question_mark_then_execute in "also_correct/build_question_mark_then_execute.rs",
            manual_status_match in "also_correct/manual_status_match.rs",
            timeout_mut_status_by_hand in "also_correct/timeout_mut_status_by_hand.rs",
            fetch_json_request in "also_correct/fetch_json_request.rs",
            timeout_mut_then_execute in "also_correct/timeout_mut_then_execute.rs",
            hand_classified in "also_correct/hand_classified.rs",
            owned_clone_async_move in "also_correct/owned_clone_async_move.rs",
            response_ext_trait in "also_correct/response_ext_trait.rs",
            no_cache_request_headers in "also_correct/no_cache_request_headers.rs",
            url_path_segments in "also_correct/url_path_segments.rs",
            connection_close_header in "also_correct/connection_close_header.rs",
            sources_without_url in "also_correct/sources_without_url.rs",
            from_parts_error_for_status_ref in "also_correct/from_parts_error_for_status_ref.rs",
            spawned_task_abort_on_drop in "also_correct/spawned_task_abort_on_drop.rs",
            outer_guard_never_first in "also_correct/outer_guard_never_first.rs",
            send_and_then_error_for_status in "also_correct/send_and_then_error_for_status.rs",
            build_split_accept_json in "also_correct/build_split_accept_json.rs",
            request_new_parsed_url in "also_correct/request_new_parsed_url.rs",
            async_block_convert_once in "also_correct/async_block_convert_once.rs",
            build_then_execute_numeric_status in "also_correct/build_then_execute_numeric_status.rs",
            status_match_then_json in "also_correct/status_match_then_json.rs",
            try_future_chain in "also_correct/try_future_chain.rs",
            fetch_json_helper in "also_correct/fetch_json_helper.rs",
            classify_by_hand in "also_correct/classify_by_hand.rs",
            execute_timeout_mut in "also_correct/execute_timeout_mut.rs",
            error_for_status_ref in "also_correct/error_for_status_ref.rs",
            execute_built_request in "also_correct/execute_built_request.rs",
            matches_by_hand in "also_correct/matches_by_hand.rs",
            uses_fetch_json in "also_correct/uses_fetch_json.rs",
        }
    }

    /// A kept wrong answer that never gives its thread back: it reads the body with
    /// `futures::executor::block_on` inside async code, which blocks the test's only thread, so
    /// the body never arrives and no timeout of the checks can fire. The watchdog in
    /// `lesson_support::testing` ends such a run with a message, and ends the whole process,
    /// so this answer is checked in a child process: this test binary again, running only the
    /// ignored test below.
    #[path = "wrong/block_on_body.rs"]
    mod block_on_body;

    #[test]
    fn a_function_that_never_gives_its_thread_back_is_stopped_with_a_message() {
        lesson_support::testing::assert_stopped_by_the_watchdog(
            "fetch_post_within::never_gives_its_thread_back",
            checks::EXERCISE.number,
        );
    }

    #[tokio::test]
    #[ignore = "run in a child process by the test above: the watchdog ends the process"]
    async fn never_gives_its_thread_back() {
        let _ = checks::all(block_on_body::fetch_post_within).await;
    }
}
