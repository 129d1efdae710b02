//! Building blocks of the link envelope: base64url and CRC-16.
//!
//! Hand-written rather than taken from crates: measured, the crates cost the
//! wasm more bytes than these few lines.

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url (RFC 4648 §5) without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        // Three bytes make four characters; one or two make two or three.
        for i in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * i)) & 0x3f;
            if let Some(&c) = BASE64URL.get(sextet as usize) {
                out.push(char::from(c));
            }
        }
    }
    out
}

/// Strict base64url without padding: `None` for any character outside the
/// alphabet, a dangling final character, or non-zero unused bits.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    decode_base64url_lenient(text)
        .filter(|d| !d.dangling_char && !d.spare_bits_set)
        .map(|d| d.bytes)
}

/// Base64url bytes, with how the end departs from the canonical form (so
/// the decoder can tell truncation from edits).
pub(crate) struct Base64Decoded {
    pub(crate) bytes: Vec<u8>,
    /// One character beyond the last whole byte (length ≡ 1 mod 4).
    pub(crate) dangling_char: bool,
    /// The last character has unused bits that are not zero.
    pub(crate) spare_bits_set: bool,
}

fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Decodes base64url, `None` only for characters outside the alphabet.
pub(crate) fn decode_base64url_lenient(text: &str) -> Option<Base64Decoded> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        // Only the low 12 bits can still be needed; masking keeps it bounded.
        buffer = ((buffer << 6) | sextet(c)?) & 0xfff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    Some(Base64Decoded {
        bytes,
        dangling_char: bits == 6,
        spare_bits_set: bits < 6 && buffer & ((1 << bits) - 1) != 0,
    })
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection):
/// catches every error burst up to 16 bits, so any single edited character.
/// Bitwise rather than table-driven to keep the wasm small.
pub fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0xffff, |crc, &byte| {
        (0..8).fold(crc ^ (u16::from(byte) << 8), |crc, _| {
            if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            }
        })
    })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
    }

    #[test]
    fn base64url_uses_the_url_safe_alphabet() {
        // Standard base64 would be "+/8=": url-safe swaps + and / and drops "=".
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64url_decode(&base64url_encode(&all)), Some(all));
    }

    #[test]
    fn base64url_rejects_non_canonical_text() {
        for bad in ["Zm9v+", "Zm9v/", "Zm9v=", "Zm 9v", "Zm9vé", "Z"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
        // "Zh" carries the same byte as "Zg" but with a spare bit set.
        assert_eq!(base64url_decode("Zh"), None);
        let lenient = decode_base64url_lenient("Zh").unwrap();
        assert_eq!(lenient.bytes, b"f");
        assert!(lenient.spare_bits_set && !lenient.dangling_char);
        let dangling = decode_base64url_lenient("Zm9vY").unwrap();
        assert_eq!(dangling.bytes, b"foo");
        assert!(dangling.dangling_char);
    }

    #[test]
    fn crc16_ccitt_false_check_value() {
        assert_eq!(crc16(b"123456789"), 0x29b1);
        assert_eq!(crc16(b""), 0xffff);
    }

    #[test]
    fn crc16_detects_every_single_bit_flip() {
        let data = b"digital strategy";
        let good = crc16(data);
        for bit in 0..data.len() * 8 {
            let mut flipped = data.to_vec();
            flipped[bit / 8] ^= 0x80 >> (bit % 8);
            assert_ne!(crc16(&flipped), good, "bit {bit}");
        }
    }
}
