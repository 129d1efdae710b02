//! A QR code for a share link, drawn as one SVG path (the `qrcode` crate
//! without its image or SVG renderers).

use qrcode::{Color, EcLevel, QrCode as Code};
use yew::prelude::*;

/// Properties of [`QrCode`].
#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds (the share link).
    pub text: AttrValue,
    /// Accessible name of the image.
    pub label: AttrValue,
}

/// Quiet zone around the code, in modules (the QR standard asks for 4).
const QUIET: usize = 4;

/// The path drawing every dark module as a unit square.
fn dark_modules_path(code: &Code) -> String {
    let width = code.width();
    let mut path = String::new();
    for (i, colour) in code.to_colors().into_iter().enumerate() {
        if colour == Color::Dark {
            path.push_str(&format!(
                "M{} {}h1v1h-1z",
                i % width + QUIET,
                i / width + QUIET
            ));
        }
    }
    path
}

/// An SVG QR code, or nothing if the text is too long to encode.
#[function_component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let Ok(code) = Code::with_error_correction_level(props.text.as_bytes(), EcLevel::L) else {
        return html! {};
    };
    let size = code.width() + 2 * QUIET;
    html! {
        <svg class="dba-qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()} shape-rendering="crispEdges">
            <rect class="dba-qr__background" width={size.to_string()} height={size.to_string()} />
            <path class="dba-qr__modules" d={dark_modules_path(&code)} />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dark_module_is_drawn_inside_the_quiet_zone() {
        let code = Code::with_error_correction_level(b"http://127.0.0.1:8080/#r=AQ8A", EcLevel::L)
            .unwrap();
        let path = dark_modules_path(&code);
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        assert_eq!(path.matches('M').count(), dark);
        // The top-left finder pattern starts at the quiet zone's edge.
        assert!(path.starts_with(&format!("M{QUIET} {QUIET}h1v1h-1z")));
    }
}
