// Modules/main.c
namespace Taipan.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("taipan: not yet");
        return 2;
    }
}
