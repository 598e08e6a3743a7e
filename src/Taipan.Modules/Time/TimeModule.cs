// Modules/timemodule.c
using System.Diagnostics;
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Time;

/// <summary><c>time</c>: clocks, sleeping, and conversions between seconds since the epoch and
/// <c>struct_time</c> in UTC or the local time zone, with C's <c>strftime</c> directives.</summary>
[PyModule("time", Doc = "This module provides various functions to manipulate time values.")]
public static partial class TimeModule
{
    private static readonly PyStructSequenceType s_structTime = new("time", "struct_time",
        ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"],
        visibleFields: 9, constructible: true);

    private static readonly string[] s_days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] s_daysLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] s_monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [PyMethod]
    public static double Time() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 1e7;

    [PyMethod("time_ns")]
    public static PyObject TimeNs() => PyInt.From((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100);

    [PyMethod("perf_counter")]
    public static double PerfCounter() => MonotonicNanoseconds() / 1e9;

    [PyMethod("perf_counter_ns")]
    public static long PerfCounterNs() => MonotonicNanoseconds();

    [PyMethod]
    public static double Monotonic() => MonotonicNanoseconds() / 1e9;

    [PyMethod("monotonic_ns")]
    public static long MonotonicNs() => MonotonicNanoseconds();

    [PyMethod("process_time")]
    public static double ProcessTime() => Environment.CpuUsage.TotalTime.Ticks / 1e7;

    [PyMethod("process_time_ns")]
    public static long ProcessTimeNs() => Environment.CpuUsage.TotalTime.Ticks * 100;

    /// <summary><c>get_clock_info(name)</c>: what CPython reports on Linux for each clock
    /// (asyncio reads the monotonic clock's resolution).</summary>
    [PyMethod("get_clock_info")]
    public static PyObject GetClockInfo(string name)
    {
        var (implementation, monotonic) = name switch
        {
            "monotonic" or "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true),
            "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true),
            "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true),
            "time" => ("clock_gettime(CLOCK_REALTIME)", false),
            _ => throw PyErr.ValueError("unknown clock"),
        };
        var ns = new PySimpleNamespace();
        ns.Dict[new PyStr("implementation")] = new PyStr(implementation);
        ns.Dict[new PyStr("monotonic")] = PyBool.From(monotonic);
        ns.Dict[new PyStr("adjustable")] = PyBool.From(!monotonic);
        ns.Dict[new PyStr("resolution")] = new PyFloat(1e-09);
        return ns;
    }

    private static long MonotonicNanoseconds()
    {
        var ticks = Stopwatch.GetTimestamp();
        return (long)((Int128)ticks * 1_000_000_000 / Stopwatch.Frequency);
    }

    [PyMethod]
    public static void Sleep(PyObject secs)
    {
        var seconds = secs is PyFloat f ? f.Value : (double)ArgParse.ToLong(secs);
        if (double.IsNaN(seconds))
        {
            throw PyErr.ValueError("Invalid value NaN (not a number)");
        }
        if (seconds < 0)
        {
            throw PyErr.ValueError("sleep length must be non-negative");
        }
        if (seconds * 1e9 > long.MaxValue)
        {
            throw PyErr.OverflowError("timestamp too large to convert to C _PyTime_t");
        }
        // Without the interpreter lock; in the main thread a signal's handler runs at once and
        // the sleep goes on afterwards unless it raised (PEP 475).
        Gil.Wait(new object(), static () => false, TimeSpan.FromTicks((long)Math.Ceiling(seconds * 1e7)));
    }

    [PyMethod]
    public static PyObject GmTime(PyObject? seconds = null) => ToStructTime(Seconds(seconds), local: false);

    [PyMethod]
    public static PyObject LocalTime(PyObject? seconds = null) => ToStructTime(Seconds(seconds), local: true);

    [PyMethod]
    public static double MkTime(PyObject t)
    {
        var tm = GetTmArg("mktime", t);
        // mktime normalises out-of-range fields, as the C function does.
        var local = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        try
        {
            local = local.AddYears(tm[0] - 1).AddMonths(tm[1] - 1).AddDays(tm[2] - 1)
                .AddHours(tm[3]).AddMinutes(tm[4]).AddSeconds(tm[5]);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw PyErr.OverflowError("mktime argument out of range");
        }
        var offset = TimeZoneInfo.Local.GetUtcOffset(local);
        return (local - offset - DateTime.UnixEpoch).Ticks / 1e7;
    }

    /// <summary><c>time.strptime</c>: the standard library's <c>_strptime</c> parses, as it
    /// does under CPython (which also passes its arguments on unchecked).</summary>
    [PyMethod]
    public static PyObject StrPTime(PyObject @string, PyObject? format = null)
    {
        var strptime = Import.ImportModuleLevel(PyStr.Intern("_strptime"), null, null, 0);
        var parse = Runtime.Abstract.Ops.GetAttr(strptime, PyStr.Intern("_strptime_time"));
        return format is null ? Runtime.Abstract.Ops.Call(parse, [@string], null) : Runtime.Abstract.Ops.Call(parse, [@string, format], null);
    }

    [PyMethod]
    public static string StrFTime(string format, PyObject? t = null)
    {
        var tm = t is null ? FieldsOf(Now(local: true)) : GetTmArg("strftime", t);
        // strftime normalises 0 to 1 in the month, day and day-of-year fields before checking.
        for (var i = 1; i <= 2; i++)
        {
            tm[i] = tm[i] == 0 ? 1 : tm[i];
        }
        tm[7] = tm[7] == 0 ? 1 : tm[7];
        CheckTm(tm);
        var zone = t is PyStructSequence { Fields.Length: 11 } s && s.Fields[9] is PyStr z ? z.Value : ZoneName(tm[8] > 0);
        var gmtoff = t is PyStructSequence { Fields.Length: 11 } s2 && s2.Fields[10] is PyInt g ? g.Small : (long)TimeZoneInfo.Local.BaseUtcOffset.TotalSeconds;
        return Format(format, tm, zone, gmtoff);
    }

    [PyMethod]
    public static string AscTime(PyObject? t = null)
    {
        var tm = t is null ? FieldsOf(Now(local: true)) : GetTmArg("asctime", t);
        CheckTm(tm);
        return AscTimeText(tm);
    }

    [PyMethod]
    public static string CTime(PyObject? seconds = null)
    {
        var dt = FromSeconds(Seconds(seconds), local: true);
        return AscTimeText(FieldsOf(dt.DateTime, dt.Offset));
    }

    private static string AscTimeText(int[] tm) =>
        $"{s_days[((tm[6] % 7) + 7) % 7]} {s_months[tm[1] - 1]} {tm[2],2} {tm[3]:00}:{tm[4]:00}:{tm[5]:00} {tm[0]}";

    /// <summary>The seconds argument: now for None, else an int or float, floored.</summary>
    private static long Seconds(PyObject? seconds)
    {
        if (seconds is null or PyNone)
        {
            return (long)Math.Floor(Time());
        }
        if (seconds is PyFloat f)
        {
            if (double.IsNaN(f.Value))
            {
                throw PyErr.ValueError("Invalid value NaN (not a number)");
            }
            var floor = Math.Floor(f.Value);
            if (floor is < long.MinValue or >= long.MaxValue)
            {
                throw PyErr.OverflowError("timestamp out of range for platform time_t");
            }
            return (long)floor;
        }
        return ArgParse.ToLong(seconds);
    }

    private static DateTimeOffset FromSeconds(long seconds, bool local)
    {
        DateTimeOffset utc;
        try
        {
            utc = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw PyErr.OverflowError("timestamp out of range for platform time_t");
        }
        return local ? TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.Local) : utc;
    }

    private static (DateTime DateTime, TimeSpan Offset) Now(bool local)
    {
        var now = DateTimeOffset.UtcNow;
        var dt = local ? TimeZoneInfo.ConvertTime(now, TimeZoneInfo.Local) : now;
        return (dt.DateTime, dt.Offset);
    }

    private static int[] FieldsOf((DateTime DateTime, TimeSpan Offset) t) => FieldsOf(t.DateTime, t.Offset);

    /// <summary>The nine struct_time fields of a date (tm_wday counts from Monday).</summary>
    private static int[] FieldsOf(DateTime d, TimeSpan offset) =>
    [
        d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, ((int)d.DayOfWeek + 6) % 7, d.DayOfYear,
        TimeZoneInfo.Local.IsDaylightSavingTime(d) && offset != TimeSpan.Zero ? 1 : 0,
    ];

    private static PyObject ToStructTime(long seconds, bool local)
    {
        var dt = FromSeconds(seconds, local);
        var tm = FieldsOf(dt.DateTime, dt.Offset);
        if (!local)
        {
            tm[8] = 0;
        }
        var values = new PyObject[11];
        for (var i = 0; i < 9; i++)
        {
            values[i] = PyInt.From(tm[i]);
        }
        values[9] = new PyStr(local ? ZoneName(tm[8] > 0) : "GMT");
        values[10] = PyInt.From((long)dt.Offset.TotalSeconds);
        return s_structTime.Create(values);
    }

    /// <summary>The local zone's abbreviation as C's tzname gives it ("UTC" without a zone).</summary>
    private static string ZoneName(bool daylight)
    {
        var zone = TimeZoneInfo.Local;
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
        {
            return "UTC";
        }
        var name = daylight ? zone.DaylightName : zone.StandardName;
        return name.Length is > 0 and <= 6 ? name : FormatOffset(zone.BaseUtcOffset);
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>gettmarg: a struct_time or a 9-tuple of ints.</summary>
    private static int[] GetTmArg(string function, PyObject t)
    {
        if (t is not PyTuple tuple)
        {
            throw PyErr.TypeError("Tuple or struct_time argument required");
        }
        if (tuple.Count != 9)
        {
            throw PyErr.TypeError($"{function}(): illegal time tuple argument");
        }
        var tm = new int[9];
        for (var i = 0; i < 9; i++)
        {
            tm[i] = ArgParse.ToInt(tuple[i]);
        }
        return tm;
    }

    /// <summary>checktm: the ranges C's struct tm allows (leap seconds included).</summary>
    private static void CheckTm(int[] tm)
    {
        if (tm[1] is < 1 or > 12)
        {
            throw PyErr.ValueError("month out of range");
        }
        if (tm[2] is < 1 or > 31)
        {
            throw PyErr.ValueError("day of month out of range");
        }
        if (tm[3] is < 0 or > 23)
        {
            throw PyErr.ValueError("hour out of range");
        }
        if (tm[4] is < 0 or > 59)
        {
            throw PyErr.ValueError("minute out of range");
        }
        if (tm[5] is < 0 or > 61)
        {
            throw PyErr.ValueError("seconds out of range");
        }
        // gettmarg shifts tm_wday to C's Sunday-based count with C's remainder first.
        if ((tm[6] + 1) % 7 < 0)
        {
            throw PyErr.ValueError("day of week out of range");
        }
        if (tm[7] is < 1 or > 366)
        {
            throw PyErr.ValueError("day of year out of range");
        }
    }

    /// <summary>C's strftime in the C locale; unknown directives are copied.</summary>
    private static string Format(string format, int[] tm, string zone, long gmtoff)
    {
        var sb = new StringBuilder();
        var wday = (tm[6] + 1) % 7; // C counts from Sunday
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 == format.Length)
            {
                sb.Append(c);
                continue;
            }
            var d = format[++i];
            switch (d)
            {
                case 'a': sb.Append(s_days[tm[6] % 7]); break;
                case 'A': sb.Append(s_daysLong[tm[6] % 7]); break;
                case 'b' or 'h': sb.Append(s_months[tm[1] - 1]); break;
                case 'B': sb.Append(s_monthsLong[tm[1] - 1]); break;
                case 'c': sb.Append(AscTimeText(tm)); break;
                case 'C': sb.Append((tm[0] / 100).ToString("00")); break;
                case 'd': sb.Append(tm[2].ToString("00")); break;
                case 'D': sb.Append(Format("%m/%d/%y", tm, zone, gmtoff)); break;
                case 'e': sb.Append(tm[2].ToString().PadLeft(2)); break;
                case 'F': sb.Append(Format("%Y-%m-%d", tm, zone, gmtoff)); break;
                case 'H': sb.Append(tm[3].ToString("00")); break;
                case 'I': sb.Append((tm[3] % 12 == 0 ? 12 : tm[3] % 12).ToString("00")); break;
                case 'j': sb.Append(tm[7].ToString("000")); break;
                case 'm': sb.Append(tm[1].ToString("00")); break;
                case 'M': sb.Append(tm[4].ToString("00")); break;
                case 'n': sb.Append('\n'); break;
                case 'p': sb.Append(tm[3] < 12 ? "AM" : "PM"); break;
                case 'r': sb.Append(Format("%I:%M:%S %p", tm, zone, gmtoff)); break;
                case 'R': sb.Append(Format("%H:%M", tm, zone, gmtoff)); break;
                case 'S': sb.Append(tm[5].ToString("00")); break;
                case 't': sb.Append('\t'); break;
                case 'T' or 'X': sb.Append(Format("%H:%M:%S", tm, zone, gmtoff)); break;
                case 'u': sb.Append(wday == 0 ? 7 : wday); break;
                case 'U': sb.Append(((tm[7] - 1 + 7 - wday) / 7).ToString("00")); break;
                case 'w': sb.Append(wday); break;
                case 'W': sb.Append(((tm[7] - 1 + 7 - tm[6] % 7) / 7).ToString("00")); break;
                case 'x': sb.Append(Format("%m/%d/%y", tm, zone, gmtoff)); break;
                case 'y': sb.Append((((tm[0] % 100) + 100) % 100).ToString("00")); break;
                case 'Y': sb.Append(tm[0]); break;
                case 'z': sb.Append(FormatOffset(TimeSpan.FromSeconds(gmtoff))); break;
                case 'Z': sb.Append(zone); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(d); break;
            }
        }
        return sb.ToString();
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("struct_time", s_structTime.Type);
        // The fields of struct_time a sequence of this length fills (_strptime slices to it).
        module.AddBuiltin("_STRUCT_TM_ITEMS", PyInt.From(11));
        // init_timezone: the offsets and names of January 1 and July 1 of this year; the
        // later of the two (in seconds west) is the standard time, which makes the southern
        // hemisphere come out right.
        var zone = TimeZoneInfo.Local;
        var year = DateTime.UtcNow.Year;
        var jan = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var jul = new DateTime(year, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        var janZone = -(long)zone.GetUtcOffset(jan).TotalSeconds;
        var julZone = -(long)zone.GetUtcOffset(jul).TotalSeconds;
        var janName = ZoneName(zone.IsDaylightSavingTime(jan));
        var julName = ZoneName(zone.IsDaylightSavingTime(jul));
        var (timezone, altzone, names) = janZone < julZone ? (julZone, janZone, (julName, janName)) : (janZone, julZone, (janName, julName));
        module.AddBuiltin("timezone", PyInt.From(timezone));
        module.AddBuiltin("altzone", PyInt.From(altzone));
        module.AddBuiltin("daylight", PyInt.From(janZone != julZone ? 1 : 0));
        module.AddBuiltin("tzname", PyTuple.Create(new PyStr(names.Item1), new PyStr(names.Item2)));
    }
}
