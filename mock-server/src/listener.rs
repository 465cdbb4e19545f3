//! Listeners for test servers that start by the thousand.
//!
//! The course's checks start thousands of servers a minute, on a free port of loopback each,
//! and each server answers up to a hundred connections. Every connection closed the usual way
//! leaves a socket in `TIME_WAIT` for a minute on the side that closed first, and on Linux a
//! port with a client's socket in `TIME_WAIT` cannot be bound by a new server: with the ports
//! an OS hands out (28,232 on Linux, 32768 to 60999) shared by clients and servers, the suite
//! ran out of them and new servers failed to bind (`AddrInUse`). Two remedies, both here:
//!
//! - a server's port is chosen outside the range an OS picks clients' ports from, so clients'
//!   sockets in `TIME_WAIT` never stand in a new server's way;
//! - [`Closing::Reset`] closes connections with a reset, which leaves nothing in `TIME_WAIT`
//!   on either side.

use std::collections::VecDeque;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use socket2::{Domain, Protocol, Socket, Type};

/// How a listener's connections end when the server closes them, or when its client hangs up
/// first and the server then closes its side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// The usual closing handshake (FIN): a client that was still reading sees the end of the
    /// stream. For servers that close connections on purpose as part of what they test, such as
    /// `MockApi`'s `DropConnection` fault.
    Handshake,
    /// A reset (RST; `SO_LINGER` 0, which Linux gives every connection the listener accepts):
    /// nothing left in `TIME_WAIT`. A client that was still reading gets an error, and bytes
    /// it had not yet taken (beyond its receive window, some 100 KB) are lost. For servers that
    /// close first only when they are dropped at the end of a test, or after the small answer
    /// to a `Connection: close` request.
    Reset,
}

/// The ports a test server listens on: below the range Linux (32768–60999), macOS and Windows
/// (49152–65535) pick clients' ports from, and above the ports services usually take.
const SERVER_PORTS: std::ops::Range<u16> = 20_000..32_000;

/// How many ports of [`SERVER_PORTS`] to try before letting the OS pick one.
const TRIES: u16 = 64;

/// How many of the ports this process was given last are not given again.
///
/// A client keeps idle connections by host and port. When a test drops its server and the next
/// one gets the same port, a client that served both tests would send its next request down a
/// connection to the dropped server, and fail. The OS rarely hands out a port it has just taken
/// back; [`loopback_listener`] remembers the ports it gave, a few minutes' worth in a busy
/// test binary, and tries others.
const RECENT_PORTS: usize = 4096;

/// A listener on a free port of `127.0.0.1`, with a queue long enough for every connection a
/// test opens at once, and closing its connections as `closing` says.
///
/// # Errors
/// When no socket can be made, or no port is free at all.
pub fn loopback_listener(closing: Closing) -> std::io::Result<TcpListener> {
    static RECENT: Mutex<VecDeque<u16>> = Mutex::new(VecDeque::new());
    let mut recent = RECENT.lock().unwrap_or_else(PoisonError::into_inner);
    let start = random_below(SERVER_PORTS.len() as u64);
    let mut ports = (0..u64::from(TRIES))
        .map(|n| {
            let offset = (start + n * 7919) % SERVER_PORTS.len() as u64;
            SERVER_PORTS.start + u16::try_from(offset).unwrap_or(0)
        })
        .filter(|port| !recent.contains(port));
    let listener = loop {
        // Another process (or test) may have taken the port a moment ago: try the next one,
        // and after TRIES of them, any port the OS picks.
        let port = ports.next().unwrap_or(0);
        match bound(port, closing) {
            Err(error) if error.kind() == std::io::ErrorKind::AddrInUse && port != 0 => {}
            result => break result?,
        }
    };
    if recent.len() == RECENT_PORTS {
        recent.pop_front();
    }
    recent.push_back(listener.local_addr()?.port());
    Ok(listener)
}

fn bound(port: u16, closing: Closing) -> std::io::Result<TcpListener> {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
    // As `TcpListener::bind` does on Unix: a port whose last server's connections are still in
    // `TIME_WAIT` may be bound again.
    socket.set_reuse_address(true)?;
    if closing == Closing::Reset {
        socket.set_linger(Some(Duration::ZERO))?;
    }
    socket.bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into())?;
    // Room for every connection a check opens at once (Linux caps it at `somaxconn`, 4096 by
    // default): with `TcpListener::bind`'s 128, the 130th connection's SYN waits a second.
    socket.listen(4096)?;
    Ok(socket.into())
}

/// A number below `bound`, different on every call, in every process: where to start looking
/// for a free port, so that servers started at once do not all try the same ports.
fn random_below(bound: u64) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static CALLS: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is seeded randomly per process, and differs on each call within one.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(CALLS.fetch_add(1, Ordering::Relaxed));
    hasher.finish() % bound
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{ErrorKind, Read, Write};
    use std::net::TcpStream;

    /// Connects, lets the server write `hello` and close its side, and returns what the client
    /// read and how its reading ended.
    fn what_a_client_sees(closing: Closing) -> (Vec<u8>, Result<(), ErrorKind>) {
        let listener = loopback_listener(closing).unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (mut server, _) = listener.accept().unwrap();
        server.write_all(b"hello").unwrap();
        drop(server);
        client
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut read = Vec::new();
        let end = client
            .read_to_end(&mut read)
            .map(|_| ())
            .map_err(|error| error.kind());
        (read, end)
    }

    #[test]
    fn a_handshake_close_ends_the_stream_after_the_bytes_written() {
        assert_eq!(
            what_a_client_sees(Closing::Handshake),
            (b"hello".to_vec(), Ok(()))
        );
    }

    #[test]
    fn a_reset_close_is_a_reset_after_the_bytes_written() {
        let (read, end) = what_a_client_sees(Closing::Reset);
        assert_eq!(read, b"hello");
        assert_eq!(end, Err(ErrorKind::ConnectionReset));
    }

    #[test]
    fn servers_listen_outside_the_ports_clients_get() {
        let listeners: Vec<TcpListener> = (0..50)
            .map(|_| loopback_listener(Closing::Handshake).unwrap())
            .collect();
        for listener in &listeners {
            let port = listener.local_addr().unwrap().port();
            assert!(SERVER_PORTS.contains(&port), "port {port}");
        }
    }

    /// A port let go is not given again soon, even though it is free at once (a reset leaves
    /// nothing in `TIME_WAIT`): one listener at a time, dropped before the next.
    #[test]
    fn a_port_let_go_is_not_given_again_soon() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            let listener = loopback_listener(Closing::Reset).unwrap();
            let port = listener.local_addr().unwrap().port();
            assert!(seen.insert(port), "port {port} given twice");
        }
    }
}
