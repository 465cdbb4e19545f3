//! The course builds reqwest with rustls and its `ring` crypto provider instead of the default
//! aws-lc-rs (the workspace's `Cargo.toml` says why). These tests prove that HTTPS still works
//! with the course's client, so `--base-url https://…` reaches a real API, and that the
//! server's certificate is still checked. Offline: the server is on loopback, with a
//! certificate made here and trusted by one client only.

use std::net::SocketAddr;
use std::sync::Arc;

use lesson_support::client::{client_builder, install_tls_provider};
use rustls::pki_types::{CertificateDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A TLS server on loopback for the name `localhost`, answering every request with `200 ok`;
/// its address and its (self-signed) certificate.
async fn tls_server() -> (SocketAddr, CertificateDer<'static>) {
    install_tls_provider();
    let key = rcgen::KeyPair::generate().expect("a new key pair");
    let certificate = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
        .expect("valid certificate parameters")
        .self_signed(&key)
        .expect("a self-signed certificate")
        .der()
        .clone();
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(
            vec![certificate.clone()],
            PrivatePkcs8KeyDer::from(key.serialize_der()).into(),
        )
        .expect("a server configuration");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that does not trust the certificate ends the handshake: nothing to do.
                let Ok(mut stream) = acceptor.accept(stream).await else {
                    return;
                };
                let mut head = Vec::new();
                let mut buffer = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buffer[..n]),
                    }
                }
                let answer = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok";
                let _ = stream.write_all(answer.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    (address, certificate)
}

#[tokio::test]
async fn the_course_client_speaks_https() {
    let (address, certificate) = tls_server().await;
    let url = format!("https://localhost:{}/posts/1", address.port());
    let trusted = reqwest::Certificate::from_der(&certificate).expect("a DER certificate");
    let client = client_builder(&url)
        .resolve("localhost", address)
        .tls_certs_only([trusted])
        .build()
        .expect("the course's client builds with a certificate of its own");
    let response = client.get(&url).send().await.expect("an HTTPS answer");
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    assert_eq!(response.text().await.expect("a body"), "ok");
}

#[tokio::test]
async fn a_certificate_nobody_vouches_for_is_refused() {
    let (address, _) = tls_server().await;
    let url = format!("https://localhost:{}/posts/1", address.port());
    // The course's client as lessons build it: the system's trusted roots, which do not
    // include a certificate made a moment ago.
    let client = client_builder(&url)
        .resolve("localhost", address)
        .build()
        .expect("the course's client builds");
    let error = client
        .get(&url)
        .send()
        .await
        .expect_err("an untrusted certificate");
    assert!(
        error.is_connect(),
        "expected a connection error, got {error:?}"
    );
    let chain = format!("{error:?}");
    assert!(
        chain.contains("certificate") || chain.contains("Certificate"),
        "expected the certificate to be the reason, got {chain}"
    );
}
