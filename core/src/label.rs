//! Who a result is from: the board member's role and organisation, as
//! given when sharing. Carried by share links, saved answers, exports and
//! comparisons.

use crate::text::common::Phrase;

/// The board member's role, as given when sharing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    /// Another role, or not given.
    #[default]
    Unspecified,
    /// An executive director.
    Executive,
    /// A non-executive director.
    NonExecutive,
    /// The board as a whole: the position it agreed after comparing its
    /// members' answers (never offered as a member's own role).
    Board,
}

impl Role {
    /// Every role a member can give, in the order offered to users
    /// ([`Role::Board`] is set only by recording the board's agreed answers).
    pub const ALL: [Role; 3] = [Role::Executive, Role::NonExecutive, Role::Unspecified];

    /// The role's name as shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Role::Unspecified => Phrase::OtherRole.text(),
            Role::Executive => Phrase::Executive.text(),
            Role::NonExecutive => Phrase::NonExecutive.text(),
            Role::Board => Phrase::Board.text(),
        }
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            Role::Unspecified => 0,
            Role::Executive => 1,
            Role::NonExecutive => 2,
            Role::Board => 3,
        }
    }

    pub(crate) fn from_code(code: u8) -> Option<Role> {
        match code {
            0 => Some(Role::Unspecified),
            1 => Some(Role::Executive),
            2 => Some(Role::NonExecutive),
            3 => Some(Role::Board),
            _ => None,
        }
    }
}

/// Who the result is from: optional, and chosen by the sender.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Label {
    /// Organisation name or ODS code, as typed (may be empty); at most
    /// [`crate::share::MAX_LABEL_BYTES`] bytes.
    pub organisation: String,
    /// The sender's role.
    pub role: Role,
}
