"""Letters of other scripts drawn like Latin ones, read as the Latin letter (text.clean).

No flet.
"""

from __future__ import annotations

# Cyrillic and Greek letters drawn like Latin ones: in an answer written in Latin letters
# they are stand-ins ("cаlm down" with a Cyrillic а), read as the letter they look like, so
# the never-say list and the rules see the word. An answer mostly in another script is left
# as written (`mostly_not_latin`).
LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u051b\u051d"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405"
    "\u03bf\u03b1\u03bd\u03b9\u03ba\u03c1"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7",
    "aeopcyxijsdhqw"
    "ABEKMHOPCTXYIJS"
    "oavikp"
    "ABEZHIKMNOPTYX",
)
