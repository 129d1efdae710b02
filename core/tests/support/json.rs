//! A strict RFC 8259 JSON parser, for checking the JSON exports.

/// A parsed JSON value; numbers keep their literal text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn string(s: &str) -> Value {
        Value::String(s.to_owned())
    }

    /// A non-negative integer, or a panic.
    pub fn number(&self) -> u64 {
        match self {
            Value::Number(n) => n.parse().unwrap_or_else(|_| panic!("not an integer: {n}")),
            other => panic!("not a number: {other:?}"),
        }
    }

    pub fn array(&self) -> &[Value] {
        match self {
            Value::Array(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        match self {
            Value::Object(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("no member {key:?}")),
            other => panic!("not an object: {other:?}"),
        }
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, index: usize) -> &Value {
        &self.array()[index]
    }
}

/// Parses a whole JSON text, panicking with the byte offset on anything
/// RFC 8259 does not allow (and on duplicate member names and lone
/// surrogates, which it allows but we never write).
pub fn parse_json(text: &str) -> Value {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    parser.whitespace();
    let value = parser.value(0);
    parser.whitespace();
    assert_eq!(parser.pos, parser.bytes.len(), "trailing text after JSON");
    value
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn fail(&self, what: &str) -> ! {
        panic!("invalid JSON at byte {}: {what}", self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> u8 {
        let b = self.peek().unwrap_or_else(|| self.fail("unexpected end"));
        self.pos += 1;
        b
    }

    fn expect(&mut self, b: u8) {
        if self.next() != b {
            self.pos -= 1;
            self.fail(&format!("expected {:?}", b as char));
        }
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Value {
        if depth > 64 {
            self.fail("nested too deeply");
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Value::String(self.string()),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            _ => self.fail("expected a value"),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Value {
        for &b in word.as_bytes() {
            self.expect(b);
        }
        value
    }

    fn object(&mut self, depth: usize) -> Value {
        self.expect(b'{');
        let mut members: Vec<(String, Value)> = Vec::new();
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Value::Object(members);
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                self.fail("expected a member name");
            }
            let key = self.string();
            if members.iter().any(|(k, _)| *k == key) {
                self.fail(&format!("duplicate member {key:?}"));
            }
            self.whitespace();
            self.expect(b':');
            self.whitespace();
            let value = self.value(depth + 1);
            members.push((key, value));
            self.whitespace();
            match self.next() {
                b',' => continue,
                b'}' => return Value::Object(members),
                _ => {
                    self.pos -= 1;
                    self.fail("expected ',' or '}'")
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Value {
        self.expect(b'[');
        let mut items = Vec::new();
        self.whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Value::Array(items);
        }
        loop {
            self.whitespace();
            items.push(self.value(depth + 1));
            self.whitespace();
            match self.next() {
                b',' => continue,
                b']' => return Value::Array(items),
                _ => {
                    self.pos -= 1;
                    self.fail("expected ',' or ']'")
                }
            }
        }
    }

    fn hex4(&mut self) -> u32 {
        let mut n = 0;
        for _ in 0..4 {
            let digit = (self.next() as char)
                .to_digit(16)
                .unwrap_or_else(|| self.fail("bad \\u escape"));
            n = n * 16 + digit;
        }
        n
    }

    fn string(&mut self) -> String {
        self.expect(b'"');
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let b = self.next();
            match b {
                b'"' | b'\\' => {
                    // The input is a &str, so the run of plain bytes is UTF-8.
                    out.push_str(std::str::from_utf8(&self.bytes[run..self.pos - 1]).unwrap());
                    if b == b'"' {
                        return out;
                    }
                    let c = match self.next() {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4();
                            let code = if (0xD800..0xDC00).contains(&high) {
                                self.expect(b'\\');
                                self.expect(b'u');
                                let low = self.hex4();
                                if !(0xDC00..0xE000).contains(&low) {
                                    self.fail("lone high surrogate");
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code).unwrap_or_else(|| self.fail("lone surrogate"))
                        }
                        _ => self.fail("bad escape"),
                    };
                    out.push(c);
                    run = self.pos;
                }
                0x00..=0x1F => {
                    self.pos -= 1;
                    self.fail("raw control character in a string")
                }
                _ => {}
            }
        }
    }

    fn number(&mut self) -> Value {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.next() {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => self.fail("bad number"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.one_or_more_digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.one_or_more_digits();
        }
        let literal = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap();
        Value::Number(literal.to_owned())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn one_or_more_digits(&mut self) {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            self.fail("expected a digit");
        }
        self.digits();
    }
}
