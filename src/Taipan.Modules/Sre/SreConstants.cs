// Modules/_sre/sre_constants.h
namespace Taipan.Modules.Sre;

/// <summary>The opcodes, position and category codes of the compiled pattern, with the numbers
/// of CPython 3.11's re/_constants.py (MAGIC 20220615).</summary>
internal static class SreConstants
{
    public const int Magic = 20220615;
    public const uint MaxRepeat = uint.MaxValue;
    public const int MaxGroups = int.MaxValue / 2;

    public const int Failure = 0;
    public const int Success = 1;
    public const int Any = 2;
    public const int AnyAll = 3;
    public const int Assert = 4;
    public const int AssertNot = 5;
    public const int At = 6;
    public const int Branch = 7;
    public const int Category = 8;
    public const int Charset = 9;
    public const int BigCharset = 10;
    public const int GroupRef = 11;
    public const int GroupRefExists = 12;
    public const int In = 13;
    public const int Info = 14;
    public const int Jump = 15;
    public const int Literal = 16;
    public const int Mark = 17;
    public const int MaxUntil = 18;
    public const int MinUntil = 19;
    public const int NotLiteral = 20;
    public const int Negate = 21;
    public const int Range = 22;
    public const int Repeat = 23;
    public const int RepeatOne = 24;
    public const int Subpattern = 25;
    public const int MinRepeatOne = 26;
    public const int AtomicGroup = 27;
    public const int PossessiveRepeat = 28;
    public const int PossessiveRepeatOne = 29;
    public const int GroupRefIgnore = 30;
    public const int InIgnore = 31;
    public const int LiteralIgnore = 32;
    public const int NotLiteralIgnore = 33;
    public const int GroupRefLocIgnore = 34;
    public const int InLocIgnore = 35;
    public const int LiteralLocIgnore = 36;
    public const int NotLiteralLocIgnore = 37;
    public const int GroupRefUniIgnore = 38;
    public const int InUniIgnore = 39;
    public const int LiteralUniIgnore = 40;
    public const int NotLiteralUniIgnore = 41;
    public const int RangeUniIgnore = 42;

    public const int AtBeginning = 0;
    public const int AtBeginningLine = 1;
    public const int AtBeginningString = 2;
    public const int AtBoundary = 3;
    public const int AtNonBoundary = 4;
    public const int AtEnd = 5;
    public const int AtEndLine = 6;
    public const int AtEndString = 7;
    public const int AtLocBoundary = 8;
    public const int AtLocNonBoundary = 9;
    public const int AtUniBoundary = 10;
    public const int AtUniNonBoundary = 11;

    public const int CategoryDigit = 0;
    public const int CategoryNotDigit = 1;
    public const int CategorySpace = 2;
    public const int CategoryNotSpace = 3;
    public const int CategoryWord = 4;
    public const int CategoryNotWord = 5;
    public const int CategoryLinebreak = 6;
    public const int CategoryNotLinebreak = 7;
    public const int CategoryLocWord = 8;
    public const int CategoryLocNotWord = 9;
    public const int CategoryUniDigit = 10;
    public const int CategoryUniNotDigit = 11;
    public const int CategoryUniSpace = 12;
    public const int CategoryUniNotSpace = 13;
    public const int CategoryUniWord = 14;
    public const int CategoryUniNotWord = 15;
    public const int CategoryUniLinebreak = 16;
    public const int CategoryUniNotLinebreak = 17;

    public const int FlagIgnoreCase = 2;
    public const int FlagLocale = 4;
    public const int FlagUnicode = 32;
    public const int FlagAscii = 256;

    public const int InfoPrefix = 1;
    public const int InfoLiteral = 2;
    public const int InfoCharset = 4;
}
