"""String constants, capwords and Template (written for pocketpy-rs)."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s by sep, capitalize each word, join with sep (one space if None)."""
    return (sep or ' ').join(w.capitalize() for w in s.split(sep))


_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class Template:
    """$-substitution: $name, ${name}, and $$ for a literal delimiter.

    Subclasses may change `delimiter`. Identifiers are ASCII letters, digits and
    underscores, not starting with a digit (case-insensitive, as CPython's default).
    """
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields (kind, start, end, name) for each delimiter occurrence:
        # kind is 'escaped', 'named', 'braced' or 'invalid'.
        t = self.template
        d = self.delimiter
        dl = len(d)
        n = len(t)
        i = t.find(d)
        while i >= 0:
            j = i + dl
            if t.startswith(d, j):
                yield ('escaped', i, j + dl, None)
                i = t.find(d, j + dl)
                continue
            if j < n and t[j] in _ID_START:
                k = j + 1
                while k < n and t[k] in _ID_CHARS:
                    k += 1
                yield ('named', i, k, t[j:k])
                i = t.find(d, k)
                continue
            if j < n and t[j] == '{':
                k = j + 1
                if k < n and t[k] in _ID_START:
                    m = k + 1
                    while m < n and t[m] in _ID_CHARS:
                        m += 1
                    if m < n and t[m] == '}':
                        yield ('braced', i, m + 1, t[k:m])
                        i = t.find(d, m + 1)
                        continue
            yield ('invalid', i, j, None)
            i = t.find(d, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _mapping(self, mapping, kws):
        if mapping is None:
            return kws
        if kws:
            return _ChainGet(kws, mapping)
        return mapping

    def substitute(self, mapping=None, /, **kws):
        m = self._mapping(mapping, kws)
        out = []
        pos = 0
        t = self.template
        for kind, i, j, name in self._scan():
            out.append(t[pos:i])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(j)
            else:
                out.append('%s' % (m[name],))
            pos = j
        out.append(t[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        m = self._mapping(mapping, kws)
        out = []
        pos = 0
        t = self.template
        for kind, i, j, name in self._scan():
            out.append(t[pos:i])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                out.append(t[i:j])
            else:
                try:
                    out.append('%s' % (m[name],))
                except KeyError:
                    out.append(t[i:j])
            pos = j
        out.append(t[pos:])
        return ''.join(out)

    def is_valid(self):
        for kind, i, j, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, i, j, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class _ChainGet:
    # Lookup in the keyword arguments first, then in the mapping.
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]
