using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace StockAgent.Notebooks;

/// <summary>
/// The kernel that VS Code's Polyglot Notebooks starts for a C# notebook, built from the .NET Interactive packages as the
/// dotnet-interactive tool builds it: a <see cref="CompositeKernel"/> holding one <see cref="CSharpKernel"/> (aliases c#,
/// C#) with <c>#r "nuget: ..."</c> (restored by dotnet, then any kernel extension the package ships is loaded), the
/// kernel helpers (<c>display</c>, <c>HTML</c>, ...), <c>#!who</c>, value sharing and <c>#!import</c>. Nothing is
/// imported beyond the kernel's defaults (System, System.Text, System.Collections(.Generic), System.Linq,
/// System.Threading.Tasks), so a notebook that forgets a <c>using</c> fails here as it does in VS Code.
/// </summary>
public static class NotebookKernel
{
    public static CompositeKernel Create()
    {
        var extensions = new KernelExtensionLoader();
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return extensions.LoadFromPackagesAsync(kernel, packages);
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = csharp.Name;
        composite.UseImportMagicCommand();
        return composite;
    }
}
