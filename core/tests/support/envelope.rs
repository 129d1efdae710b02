//! The share and compare links' checked envelope, written independently of
//! the codec from the documented format, so tests can wrap any body.

use digital_board_core::share::encoding::{base64url_encode, crc16};

/// A payload with a valid envelope (format version, length, checksum)
/// around any body.
pub fn seal(version: u8, body: &[u8]) -> String {
    let mut bytes = vec![version];
    let mut len = body.len() + 2;
    while len >= 0x80 {
        bytes.push((len as u8 & 0x7f) | 0x80);
        len >>= 7;
    }
    bytes.push(len as u8);
    bytes.extend(body);
    bytes.extend(crc16(&bytes).to_be_bytes());
    base64url_encode(&bytes)
}
