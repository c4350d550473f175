"""`PlaceFinder`: every place rule family of this package over one text.

The class only joins the mixins (`_Practices` on `_Facilities`, `_Cities`,
`_LowerPlaces`, all on `_PlaceBase`) and runs them in a fixed order; see the package
docstring for what makes a place.
"""

from __future__ import annotations

from veil.text.places.at_places import _AtPlaces
from veil.text.places.cities import _Cities
from veil.text.places.lower import _LowerPlaces
from veil.text.places.practices import _Practices
from veil.text.spans import Span


class PlaceFinder(_Practices, _Cities, _LowerPlaces, _AtPlaces):
    """Finds facilities and cities (see the `veil.text.places` docstring)."""

    def find(self, text: str) -> list[Span]:
        spans = [*self._facilities(text), *self._cities(text), *self._shaped_cities(text),
                 *self._context_places(text), *self._unknown_after_in(text),
                 *self._acronyms_and_employers(text), *self._place_then_zip(text),
                 *self._lower_facilities(text), *self._facility_context(text),
                 *self._town_before_state(text), *self._named_practices(text),
                 *self._lower_places(text), *self._zip_after_lower_code(text),
                 *self._brand_facilities(text), *self._at_places(text)]
        return spans + self._coordinated(text, spans)
