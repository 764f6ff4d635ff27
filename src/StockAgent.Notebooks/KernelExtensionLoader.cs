using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;

namespace StockAgent.Notebooks;

/// <summary>
/// Loads the kernel extensions that NuGet packages ship in <c>interactive-extensions/dotnet/*.dll</c> (Plotly.NET.Interactive,
/// Microsoft.Data.Analysis, ...) after <c>#r "nuget: ..."</c> adds them, as the dotnet-interactive tool does: every
/// public <see cref="IKernelExtension"/> in those assemblies is created and loaded into the root kernel, once per package.
/// </summary>
internal sealed class KernelExtensionLoader
{
    private readonly HashSet<string> _loadedFolders = new(StringComparer.Ordinal);

    public async Task LoadFromPackagesAsync(Kernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        foreach (var package in packages)
        {
            var folder = Path.GetFullPath(Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet"));
            if (!Directory.Exists(folder) || !_loadedFolders.Add(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
                foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
                {
                    var extension = (IKernelExtension)(Activator.CreateInstance(type)
                        ?? throw new InvalidOperationException($"kernel extension {type.FullName} in {file} could not be created"));
                    await extension.OnLoadAsync(kernel.RootKernel);
                    KernelInvocationContext.Current?.DisplayAs($"Loaded kernel extension `{type.Name}` from {package.PackageName} {package.PackageVersion}", "text/markdown");
                }
            }
        }
    }
}
