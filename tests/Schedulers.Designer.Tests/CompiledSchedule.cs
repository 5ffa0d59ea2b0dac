using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Schedulers.Designer.Tests;

/// <summary>Compiles exported C# with Roslyn against this process's assemblies (Schedulers among them) and runs it.</summary>
public static class CompiledSchedule
{
    public static LearningRateSchedule Create(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(LearningRateSchedule).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Exported" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString()).ToArray();
        errors.Should().BeEmpty("the exported code compiles without warnings:\n" + code);

        var assembly = Assembly.Load(image.ToArray());
        var create = assembly.GetType("DesignedSchedule")!.GetMethod("Create")!;
        return (LearningRateSchedule)create.Invoke(null, null)!;
    }
}
