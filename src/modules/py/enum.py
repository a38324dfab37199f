"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
(written for pocketpy-rs).

Members are created by the EnumType metaclass from the class body in
definition order and stored as class attributes; Color(1) looks a member up
by value and Color['RED'] by name.
"""

import sys as _sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
           'auto', 'unique', 'property', 'verify', 'member', 'nonmember', 'global_enum',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP']

_auto_null = object()


class auto:
    """Placeholder replaced by an automatically chosen member value."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Force a value (e.g. a function) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keep a value out of the members."""

    def __init__(self, value):
        self.value = value


property = property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')


def _is_descriptor(obj):
    if isinstance(obj, (_function_type, classmethod, staticmethod, property)):
        return True
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _function_type():
    pass


_function_type = type(_function_type)


class EnumType(type):
    """Metaclass of Enum: builds the members and makes the class iterable."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type = object
        for base in bases:
            if isinstance(base, EnumType) and base.__dict__.get('_member_names_'):
                raise TypeError('<enum %r> cannot extend %r' % (cls, base))
        for base in bases:
            for c in base.__mro__:
                if c is object or isinstance(c, EnumType):
                    continue
                member_type = c
                break
            if member_type is not object:
                break
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        members = []
        for key in list(classdict.keys()):
            value = classdict[key]
            if key in ignore:
                del classdict[key]
                continue
            if isinstance(value, nonmember):
                classdict[key] = value.value
                continue
            if isinstance(value, member):
                members.append((key, value.value))
                del classdict[key]
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                continue
            members.append((key, value))
            del classdict[key]
        if '_ignore_' in classdict:
            del classdict['_ignore_']
        classdict['_member_names_'] = []
        classdict['_member_map_'] = {}
        classdict['_value2member_map_'] = {}
        classdict['_unhashable_values_'] = []
        classdict['_member_type_'] = member_type
        if boundary is not None:
            classdict['_boundary_'] = boundary
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        # Enum's methods win over a mixed-in data type's (int.__repr__, ...).
        if member_type is not object:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in classdict:
                    continue
                enum_method = None
                for b in enum_class.__mro__[1:]:
                    if isinstance(b, EnumType) and name in b.__dict__:
                        enum_method = b.__dict__[name]
                        break
                if enum_method is None:
                    continue
                found = getattr(enum_class, name)
                if found is getattr(member_type, name, None) or found is getattr(object, name, None):
                    type.__setattr__(enum_class, name, enum_method)
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                         '__invert__', '__contains__', '__iter__', '__len__', '__bool__'):
                if name not in classdict:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])
        # ReprEnum: str() and format() of the mixed-in type.
        if member_type is not object and ReprEnum is not None and issubclass(enum_class, ReprEnum):
            if '__str__' not in classdict:
                s = member_type.__str__
                if s is object.__str__:
                    s = member_type.__repr__
                type.__setattr__(enum_class, '__str__', s)
            if '__format__' not in classdict:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
        new = None
        for base in enum_class.__mro__:
            if base is object:
                break
            if '__new__' in base.__dict__ and not (isinstance(base, EnumType) and base._member_type_ is object and base.__dict__.get('_is_enum_base_')):
                new = getattr(base, '__new__')
                break
        enum_class._new_member_ = new
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                vals = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                        v = v.value
                    vals.append(v)
                value = tuple(vals)
            enum_class._add_member_(name, value)
            last_values.append(value)
        if Flag is not None and issubclass(enum_class, Flag):
            bits = 0
            for m in enum_class._member_map_.values():
                bits |= m._value_
            type.__setattr__(enum_class, '_flag_mask_', bits)
            type.__setattr__(enum_class, '_all_bits_', bits)
        return enum_class

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        member_type = cls._member_type_
        if member_type is tuple:
            args = (args,)
        new = cls._new_member_
        if new is None or new is object.__new__:
            enum_member = object.__new__(cls)
        else:
            enum_member = new(cls, *args)
        if not hasattr(enum_member, '_value_'):
            if member_type is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = member_type(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member._sort_order_ = len(cls._member_names_)
        enum_member.__init__(*args)
        # An equal value makes an alias of the earlier member.
        existing = None
        try:
            existing = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
        if existing is not None:
            enum_member = existing
        else:
            cls._member_names_.append(name)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)
        type.__setattr__(cls, name, enum_member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _lookup_(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = _sys._getframe(3).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return EnumType.__new__(EnumType if not isinstance(cls, EnumType) else cls.__class__,
                                class_name, bases, classdict, boundary=boundary)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        if not isinstance(value, Enum):
            try:
                cls._lookup_(value)
                return True
            except (ValueError, TypeError):
                return False
        return False

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot delete member %r' % (name,))
        type.__delattr__(cls, name)


EnumMeta = EnumType
ReprEnum = None
Flag = None


class Enum(metaclass=EnumType):
    """Base class of enumerations: class Color(Enum): RED = 1."""
    _is_enum_base_ = True

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if '_value_repr_' in dir(self.__class__) else repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_


class ReprEnum(Enum):
    """An Enum whose str() and format() are those of its mixed-in type."""
    _is_enum_base_ = True


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""
    _is_enum_base_ = True


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs; auto() gives the lower-cased name."""
    _is_enum_base_ = True

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary:
    pass


STRICT = 'strict'
CONFORM = 'conform'
EJECT = 'eject'
KEEP = 'keep'


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Members are bit flags combinable with | & ^ ~."""
    _is_enum_base_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = _high_bit(last)
        except Exception:
            raise TypeError('invalid flag value %r' % last) from None
        return 2 ** (high + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        all_bits = cls.__dict__.get('_all_bits_', 0)
        keep = cls._member_type_ is not object  # IntFlag keeps unknown bits
        if value < 0:
            value = all_bits + 1 + value if not keep else value & all_bits
            if value < 0:
                raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if not keep and value & ~all_bits:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        names = []
        covered = 0
        for m in cls:
            v = m._value_
            if v and v & value == v and v & (v - 1) == 0:
                names.append(m._name_)
                covered |= v
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        extra = value & ~covered
        if names or extra:
            if extra:
                names.append(str(extra))
            pseudo._name_ = '|'.join(names)
        else:
            pseudo._name_ = None
        pseudo._sort_order_ = -1
        return cls._value2member_map_.setdefault(value, pseudo)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = repr(self._value_)
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr)
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            v = m._value_
            if v and v & (v - 1) == 0 and v & self._value_ == v:
                yield m

    def __len__(self):
        return len(list(self.__iter__()))

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, int):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self.__class__._all_bits_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints; unknown bits are kept."""
    _is_enum_base_ = True


def unique(enumeration):
    """Class decorator: ValueError if any member is an alias."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name) for (alias, name) in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls, update_str=False):
    g = _sys.modules[cls.__module__].__dict__
    for name, m in cls.__members__.items():
        g[name] = m
    return cls
