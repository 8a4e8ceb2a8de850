//! The HTTP(S) feed client: one `reqwest::Client` per feed with every limit set (connect, read
//! and total timeouts, a streaming body cap, at most 5 same-origin redirects, no implicit
//! proxy), conditional requests, and errors reworded so they never carry the URL or token.
//!
//! Knows nothing of the feed's JSON; [`super::source::Fetcher`] is the way in.

use std::error::Error as StdError;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{
    AUTHORIZATION, ETAG, HeaderMap, HeaderName, HeaderValue, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    LAST_MODIFIED, RETRY_AFTER,
};
use reqwest::{Client, StatusCode, Url, redirect};

use super::error::{FetchError, TimeoutPhase};
use super::options::{FetchOptions, MAX_RETRY_AFTER, Validators};
use super::sink::{BodySink, ChunkConsumer, ContentHashes, Matching};

/// Most redirects followed for one request, all within the feed URL's origin.
pub const MAX_REDIRECTS: usize = 5;

/// Why a redirect was refused. Carried through reqwest's error chain and found again there.
#[derive(thiserror::Error, Debug, PartialEq, Eq)]
pub enum RedirectRefused {
    /// The target's scheme, host or port differs from the feed URL's: following it could
    /// hand the token to another server, or downgrade https to http.
    #[error("the feed server redirected to another origin ({target}); not followed")]
    OtherOrigin { target: String },
    #[error("the feed server redirected more than {MAX_REDIRECTS} times")]
    TooMany,
}

/// The redirect rule: follow `next` only if it has the same origin (scheme, host and port)
/// as the feed URL, the first of `previous`, and at most [`MAX_REDIRECTS`] times.
pub fn check_redirect(next: &Url, previous: &[Url]) -> Result<(), RedirectRefused> {
    // `previous` holds the original URL plus every URL already redirected to.
    if previous.len() > MAX_REDIRECTS {
        return Err(RedirectRefused::TooMany);
    }
    let target = next.origin();
    match previous.first() {
        Some(feed) if feed.origin() == target => Ok(()),
        _ => Err(RedirectRefused::OtherOrigin {
            target: target.ascii_serialization(),
        }),
    }
}

/// Parses a `Retry-After` value: delay-seconds (`"120"`) or an HTTP-date in any of the three
/// forms RFC 9110 requires recipients to accept. A date in the past means no wait.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let at = parse_http_date(value)?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

fn parse_http_date(value: &str) -> Option<SystemTime> {
    use chrono::{DateTime, NaiveDateTime};
    if let Ok(at) = DateTime::parse_from_rfc2822(value) {
        return Some(at.into());
    }
    // RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .map(|naive| naive.and_utc().into())
}

/// What one HTTP fetch produced, before the content hash is compared.
pub(crate) enum Outcome<C, F> {
    NotModified {
        etag: Option<String>,
        last_modified: Option<String>,
    },
    Body {
        /// The body read to its end, not yet finished.
        sink: BodySink<C, F>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// The client for one feed URL, built once.
pub(crate) struct HttpFetcher {
    client: Client,
    url: Url,
    /// `Bearer <token>`, marked sensitive so hyper and reqwest never log it.
    authorization: Option<HeaderValue>,
    /// Strings that must never reach a message, scrubbed from any foreign error text.
    secrets: Vec<String>,
}

impl HttpFetcher {
    pub(crate) fn new(url: Url, options: &FetchOptions) -> Result<HttpFetcher, FetchError> {
        if options.https_only && url.scheme() != "https" {
            return Err(FetchError::InsecureUrl);
        }
        let has_userinfo = !url.username().is_empty() || url.password().is_some();
        if has_userinfo && options.token.is_some() {
            return Err(FetchError::Setup(
                "the feed URL carries credentials and a token is set too; use one".to_owned(),
            ));
        }
        let authorization = match &options.token {
            Some(token) => {
                let mut value = HeaderValue::try_from(format!("Bearer {}", token.expose()))
                    .map_err(|_| {
                        FetchError::Setup(
                            "the token has characters not allowed in an HTTP header".to_owned(),
                        )
                    })?;
                value.set_sensitive(true);
                Some(value)
            }
            None => None,
        };
        let client = build_client(options)?;
        let secrets = secrets_of(&url, options);
        Ok(HttpFetcher {
            client,
            url,
            authorization,
            secrets,
        })
    }

    /// One request. The client's total timeout covers it from connecting to the last body
    /// byte, so a trickling server cannot hold it past `total_timeout`.
    pub(crate) async fn fetch<C: ChunkConsumer, F: FnMut() -> C + Send>(
        &self,
        previous: Option<&Validators>,
        options: &FetchOptions,
        compared: Option<(ContentHashes, Matching)>,
        start: F,
    ) -> Result<Outcome<C, F>, FetchError> {
        let started = Instant::now();
        let fail = |e: reqwest::Error| self.classify(e, options, started);
        let headers = self.request_headers(previous);
        // Only a conditional request can be answered "not modified": a 304 to any other is a
        // broken server or proxy, and taking it as contact would show old data as fresh.
        let conditional =
            headers.contains_key(IF_NONE_MATCH) || headers.contains_key(IF_MODIFIED_SINCE);
        let mut response = self
            .client
            .get(self.url.clone())
            .headers(headers)
            .send()
            .await
            .map_err(fail)?;
        let status = response.status();
        let etag = header_text(response.headers(), &ETAG);
        let last_modified = header_text(response.headers(), &LAST_MODIFIED);
        if status == StatusCode::NOT_MODIFIED && conditional {
            return Ok(Outcome::NotModified {
                etag,
                last_modified,
            });
        }
        if !status.is_success() {
            let retry_after = header_text(response.headers(), &RETRY_AFTER)
                .and_then(|v| parse_retry_after(&v, SystemTime::now()))
                .map(|wait| wait.min(MAX_RETRY_AFTER));
            return Err(FetchError::HttpStatus {
                status: status.as_u16(),
                retry_after,
            });
        }
        let limit = options.max_body_bytes;
        let declared = response.content_length();
        if declared.is_some_and(|len| len > limit) {
            return Err(FetchError::BodyTooLarge { limit });
        }
        // Chunks are decoded bytes, so counting them also stops a gzip bomb.
        let mut sink = BodySink::new(limit, declared, compared, start);
        while let Some(chunk) = response.chunk().await.map_err(fail)? {
            sink.push(&chunk).await?;
        }
        Ok(Outcome::Body {
            sink,
            etag,
            last_modified,
        })
    }

    fn request_headers(&self, previous: Option<&Validators>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(auth) = &self.authorization {
            headers.insert(AUTHORIZATION, auth.clone());
        }
        let Some(previous) = previous else {
            return headers;
        };
        let validators = [
            (IF_NONE_MATCH, &previous.etag),
            (IF_MODIFIED_SINCE, &previous.last_modified),
        ];
        for (name, value) in validators {
            if let Some(value) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
                headers.insert(name, value);
            }
        }
        headers
    }

    /// Rewords a reqwest error in our terms. reqwest's own text carries the URL, so only the
    /// error kind and the texts of the causes below it (scrubbed) are used.
    fn classify(
        &self,
        err: reqwest::Error,
        options: &FetchOptions,
        started: Instant,
    ) -> FetchError {
        let err = err.without_url();
        if let Some(refused) = find_cause::<RedirectRefused>(&err) {
            return FetchError::Redirect(refused.to_string());
        }
        if err.is_timeout() {
            let (phase, after) = if err.is_connect() {
                (TimeoutPhase::Connect, options.connect_timeout)
            } else if started.elapsed() >= options.total_timeout {
                (TimeoutPhase::Total, options.total_timeout)
            } else {
                (TimeoutPhase::Read, options.read_timeout)
            };
            return FetchError::Timeout { phase, after };
        }
        if err.is_redirect() {
            return FetchError::Redirect(format!(
                "the feed server sent a redirect that cannot be followed ({})",
                self.detail(&err)
            ));
        }
        if let Some(tls) = find_cause::<rustls::Error>(&err) {
            return FetchError::Tls(self.scrub(&tls.to_string()));
        }
        if err.is_connect() {
            return FetchError::Connect(self.connect_message(&err));
        }
        if err.is_body() || err.is_decode() {
            return FetchError::Transfer(format!(
                "the feed body could not be read: {}",
                self.detail(&err)
            ));
        }
        FetchError::Transfer(format!("the feed request failed: {}", self.detail(&err)))
    }

    fn connect_message(&self, err: &reqwest::Error) -> String {
        use std::io::ErrorKind;
        match find_cause::<std::io::Error>(err).map(std::io::Error::kind) {
            Some(ErrorKind::ConnectionRefused) => "connection refused".to_owned(),
            Some(ErrorKind::ConnectionReset) => "connection reset by the feed server".to_owned(),
            _ if err.is_dns() => "cannot resolve the feed server's host name".to_owned(),
            _ => format!("cannot connect to the feed server: {}", self.detail(err)),
        }
    }

    /// The deepest cause's text: the most specific, and never reqwest's URL-bearing text.
    fn detail(&self, err: &reqwest::Error) -> String {
        let deepest = causes(err)
            .filter(|cause| !cause.is::<reqwest::Error>())
            .last();
        match deepest {
            Some(cause) => self.scrub(&cause.to_string()),
            None => "no further detail".to_owned(),
        }
    }

    /// Belt and braces: removes any secret from foreign error text and keeps it on one line.
    fn scrub(&self, text: &str) -> String {
        let mut text = text.replace(['\r', '\n'], " ");
        for secret in &self.secrets {
            text = text.replace(secret.as_str(), "[redacted]");
        }
        text
    }
}

fn build_client(options: &FetchOptions) -> Result<Client, FetchError> {
    install_crypto_provider();
    let policy = redirect::Policy::custom(|attempt| {
        match check_redirect(attempt.url(), attempt.previous()) {
            Ok(()) => attempt.follow(),
            Err(refused) => attempt.error(refused),
        }
    });
    Client::builder()
        .connect_timeout(options.connect_timeout)
        .read_timeout(options.read_timeout)
        .timeout(options.total_timeout)
        .no_proxy()
        .https_only(options.https_only)
        .redirect(policy)
        .referer(false)
        .gzip(true)
        .user_agent(options.user_agent.as_str())
        .build()
        .map_err(|e| {
            let e = e.without_url();
            let detail = causes(&e)
                .last()
                .map_or_else(|| e.to_string(), ToString::to_string);
            FetchError::Setup(detail.replace(['\r', '\n'], " "))
        })
}

/// reqwest is built without a crypto provider; use `ring` unless the process chose one.
fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race to another installer is fine: a provider is installed either way.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

/// Texts that must never appear in a message: the token, the URL's userinfo and query.
/// Texts shorter than 4 bytes are left out: scrubbing them would mangle ordinary words, and
/// the messages are our own wording anyway; this is the second line of defence.
fn secrets_of(url: &Url, options: &FetchOptions) -> Vec<String> {
    let mut secrets: Vec<String> = Vec::new();
    secrets.extend(options.token.as_ref().map(|t| t.expose().to_owned()));
    secrets.extend(url.password().map(str::to_owned));
    secrets.push(url.username().to_owned());
    if let Some(query) = url.query() {
        secrets.push(query.to_owned());
        secrets.extend(
            query
                .split('&')
                .filter_map(|pair| pair.split_once('=').map(|(_, v)| v.to_owned())),
        );
    }
    secrets.retain(|s| s.len() >= 4);
    // Longest first, so a secret containing another is removed whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets
}

fn header_text(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The causes below `err`, looking inside `io::Error`s too (whose `source()` skips the error
/// they wrap, where rustls and hyper put theirs).
fn causes<'a>(
    err: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    std::iter::successors(next_cause(err), |e| next_cause(*e))
}

fn next_cause<'a>(err: &'a (dyn StdError + 'static)) -> Option<&'a (dyn StdError + 'static)> {
    match err
        .downcast_ref::<std::io::Error>()
        .and_then(std::io::Error::get_ref)
    {
        Some(inner) => Some(inner),
        None => err.source(),
    }
}

fn find_cause<'a, T: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    causes(err).find_map(|cause| cause.downcast_ref::<T>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("valid url")
    }

    #[test]
    fn redirects_stay_within_the_feed_origin() {
        let feed = [url("https://feed.example/a?token=x")];
        assert_eq!(
            check_redirect(&url("https://feed.example:443/b"), &feed),
            Ok(())
        );
        for elsewhere in [
            "http://feed.example/a",
            "https://feed.example:8443/a",
            "https://other.example/a",
            "https://sub.feed.example/a",
        ] {
            assert!(
                matches!(
                    check_redirect(&url(elsewhere), &feed),
                    Err(RedirectRefused::OtherOrigin { .. })
                ),
                "{elsewhere}"
            );
        }
    }

    #[test]
    fn redirects_stop_after_five_hops() {
        let next = url("https://feed.example/next");
        let mut chain = vec![url("https://feed.example/")];
        for _ in 0..MAX_REDIRECTS {
            assert_eq!(check_redirect(&next, &chain), Ok(()));
            chain.push(next.clone());
        }
        assert_eq!(check_redirect(&next, &chain), Err(RedirectRefused::TooMany));
    }

    #[test]
    fn retry_after_reads_seconds_and_all_http_date_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777); // 1994-11-06 08:49:37 UTC
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        let later = Some(Duration::from_secs(60));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now),
            later
        );
        assert_eq!(
            parse_retry_after("Sunday, 06-Nov-94 08:50:37 GMT", now),
            later
        );
        assert_eq!(parse_retry_after("Sun Nov  6 08:50:37 1994", now), later);
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("", now), None);
    }

    #[test]
    fn secrets_cover_token_userinfo_and_query() {
        let options = FetchOptions {
            token: Some(super::super::secret::Secret::new("TOKEN-SECRET")),
            ..FetchOptions::default()
        };
        let secrets = secrets_of(
            &url("https://user:PW-SECRET@h/p?key=Q-SECRET&n=1"),
            &options,
        );
        for s in [
            "TOKEN-SECRET",
            "PW-SECRET",
            "user",
            "key=Q-SECRET&n=1",
            "Q-SECRET",
        ] {
            assert!(
                secrets.iter().any(|x| x == s),
                "{s} missing from {secrets:?}"
            );
        }
        assert!(!secrets.iter().any(|x| x == "1"));
    }

    #[test]
    fn https_only_refuses_a_plain_http_feed_url() {
        let options = FetchOptions {
            https_only: true,
            ..FetchOptions::default()
        };
        let err = HttpFetcher::new(url("http://feed.example/"), &options).err();
        assert!(matches!(err, Some(FetchError::InsecureUrl)));
    }

    #[test]
    fn the_authorization_header_is_marked_sensitive() {
        let options = FetchOptions {
            token: Some(super::super::secret::Secret::new("TOKEN-SECRET")),
            ..FetchOptions::default()
        };
        let fetcher = HttpFetcher::new(url("https://feed.example/"), &options).expect("builds");
        let header = fetcher.authorization.as_ref().expect("a header");
        assert!(header.is_sensitive());
        assert_eq!(format!("{header:?}"), "Sensitive");
    }

    #[test]
    fn token_with_a_newline_is_refused_without_echoing_it() {
        let options = FetchOptions {
            token: Some(super::super::secret::Secret::new("TOKEN\nSECRET")),
            ..FetchOptions::default()
        };
        let err = HttpFetcher::new(url("http://feed.example/"), &options).err();
        let text = format!("{err:?}");
        assert!(matches!(err, Some(FetchError::Setup(_))), "{text}");
        assert!(!text.contains("SECRET"), "{text}");
    }
}
