//! Calendar days as results carry them (days since 2020-01-01): in share
//! and compare links, exports and comparisons over time.

use std::fmt;

/// A calendar day from 2020-01-01 to 2199-06-06, stored as days since
/// 2020-01-01 (the form it takes in a link).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: u16,
}

/// Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar.
const UNIX_EPOCH_SHIFT: i64 = 719_468;
/// Days from 1970-01-01 to 2020-01-01.
const EPOCH_2020: i64 = 18_262;

impl Date {
    /// The day `days` after 2020-01-01.
    pub fn from_days(days: u16) -> Date {
        Date { days }
    }

    /// Days since 2020-01-01.
    pub fn days(self) -> u16 {
        self.days
    }

    /// The day with this Gregorian year, month (1–12) and day of month, or
    /// `None` if there is no such day or it falls outside 2020-01-01 to
    /// 2199-06-06.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let days = days_from_civil(i64::from(year), i64::from(month), i64::from(day)) - EPOCH_2020;
        u16::try_from(days).ok().map(Date::from_days)
    }

    /// The Gregorian year, month (1–12) and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let (year, month, day) = civil_from_days(i64::from(self.days) + EPOCH_2020);
        // In range by construction: years 2020 to 2199, months and days small.
        (year as i32, month as u32, day as u32)
    }
}

impl fmt::Display for Date {
    /// ISO 8601, e.g. `2024-02-29`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm:
/// years start in March so the leap day comes last).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - UNIX_EPOCH_SHIFT
}

/// The Gregorian (year, month, day) of a day counted from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + UNIX_EPOCH_SHIFT;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_convert_to_and_from_the_calendar() {
        assert_eq!(Date::from_ymd(2020, 1, 1), Some(Date::from_days(0)));
        assert_eq!(Date::from_ymd(2020, 12, 31), Some(Date::from_days(365)));
        assert_eq!(Date::from_ymd(2021, 1, 1), Some(Date::from_days(366)));
        let leap_day = Date::from_ymd(2024, 2, 29).unwrap();
        assert_eq!(leap_day.ymd(), (2024, 2, 29));
        assert_eq!(leap_day.days(), 1520);
        assert_eq!(leap_day.to_string(), "2024-02-29");
        // 2100 is not a leap year: 28 February is followed by 1 March.
        assert_eq!(Date::from_ymd(2100, 2, 29), None);
        let feb_28 = Date::from_ymd(2100, 2, 28).unwrap();
        let mar_1 = Date::from_ymd(2100, 3, 1).unwrap();
        assert_eq!(mar_1.days() - feb_28.days(), 1);
        assert_eq!(mar_1.ymd(), (2100, 3, 1));
        // 2000 was (before range), 2400 would be: the rule, checked directly.
        assert!(is_leap_year(2000) && is_leap_year(2400) && !is_leap_year(1900));
    }

    #[test]
    fn every_date_in_range_round_trips_in_order() {
        let mut previous = (2019, 12, 31);
        for days in 0..=u16::MAX {
            let date = Date::from_days(days);
            let (year, month, day) = date.ymd();
            assert_eq!(Date::from_ymd(year, month, day), Some(date));
            assert!((year, month, day) > previous);
            assert!(day <= days_in_month(year, month));
            previous = (year, month, day);
        }
        assert_eq!(previous, (2199, 6, 6));
    }

    #[test]
    fn dates_outside_the_range_or_calendar_are_refused() {
        assert_eq!(Date::from_ymd(2019, 12, 31), None);
        assert_eq!(Date::from_ymd(2199, 6, 7), None);
        assert_eq!(Date::from_ymd(2024, 0, 1), None);
        assert_eq!(Date::from_ymd(2024, 13, 1), None);
        assert_eq!(Date::from_ymd(2024, 4, 31), None);
        assert_eq!(Date::from_ymd(2024, 1, 0), None);
        assert_eq!(Date::from_ymd(i32::MIN, 1, 1), None);
        assert_eq!(Date::from_ymd(i32::MAX, 12, 31), None);
    }

    #[test]
    fn days_from_civil_matches_known_unix_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2020, 1, 1), EPOCH_2020);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
