namespace Taipan.Modules.Tests;

/// <summary>The time module's local-time conversions under several time zones (the
/// conformance cases run in the machine's zone only), against /usr/bin/python3.11.</summary>
public class TimeModuleTests
{
    private const string Show =
        "import time\n" +
        "print(time.tzname, time.timezone, time.altzone, time.daylight)\n" +
        "for t in (0, 1000000000, 1700000000, 1720000000):\n" +
        "    lt = time.localtime(t)\n" +
        "    print(lt, lt.tm_zone, lt.tm_gmtoff, time.ctime(t), time.mktime(lt))\n" +
        "    print(time.strftime('%Y-%m-%d %H:%M:%S %Z %z %a %j', lt))\n";

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    public void LocalTimeMatchesCPython(string zone)
    {
        var env = new Dictionary<string, string?> { ["TZ"] = zone };
        Processes.AssertSame(Processes.RunBoth(["-c", Show], env: env));
    }
}
