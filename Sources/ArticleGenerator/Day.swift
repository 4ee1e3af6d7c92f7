import Extraction

/// The generator's calendar arithmetic is the date resolver's own.
typealias Day = CivilDay
typealias Month = CivilMonth

extension CivilDay {
    /// The day as an EDTF date (always valid for a day built from the calendar).
    var exact: EDTFDate { edtf ?? EDTFDate(year: year) }
}

extension CivilMonth {
    /// The month as an EDTF date.
    var exact: EDTFDate { edtf ?? EDTFDate(year: year) }
}
