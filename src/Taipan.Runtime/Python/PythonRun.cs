// Python/pythonrun.c
using System.Text;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Python;

/// <summary>Running a script as <c>__main__</c>, and reporting what escapes it, as
/// <c>PyRun_SimpleFileExFlags</c> and <c>PyErr_Print</c> do.</summary>
public static class PythonRun
{
    /// <summary>Compiles a program and runs it as <c>__main__</c> (with <c>__file__</c> when it
    /// comes from a file); returns the process exit code. Syntax errors and uncaught exceptions
    /// are printed to stderr as CPython prints them.</summary>
    public static int RunMain(Func<SourceText> read, string? file, int optimize, TextWriter stdout, TextWriter stderr)
    {
        Builtins.Stdout = stdout;
        try
        {
            Bytecode.CodeObject code;
            try
            {
                // Reading can fail too: an unknown encoding, undecodable bytes.
                code = Compiler.CodeGen.Compiler.CompileSource(read(), optimize: optimize);
            }
            catch (PythonSyntaxError e)
            {
                stderr.Write(Traceback.FormatSyntaxError(e));
                return 1;
            }
            catch (PythonException e)
            {
                stderr.Write(e.Message.Length == 0 ? e.PythonType + "\n" : $"{e.PythonType}: {e.Message}\n");
                return 1;
            }
            var main = new PyModule("__main__");
            if (file is not null)
            {
                main.AddBuiltin("__file__", new PyStr(file));
            }
            main.AddBuiltin("__builtins__", Builtins.Module);
            main.AddBuiltin("__cached__", PyNone.Value);
            try
            {
                Interpreter.RunCode(new PyCode(code), main.Dict, main.Dict);
                return 0;
            }
            catch (PyException e)
            {
                stdout.Flush();
                stderr.Write(Traceback.Format(e.Value));
                return 1;
            }
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }
    }
}
