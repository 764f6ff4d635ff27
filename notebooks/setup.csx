// Shared setup of the phase notebooks: their first cell runs `#load "setup.csx"`, in VS Code's Polyglot Notebooks and
// in the headless runner (src/StockAgent.Notebooks) alike. It references the kit from notebooks/kit/, which every
// `dotnet build` of the repository fills (StockAgent.dll, its dependencies, libtorch and the patched TorchSharp shim,
// side by side), loads TorchSharp's native libraries, and registers the kernel's formatters for Plotly.NET charts
// (inline Plotly HTML) and DataFrames (HTML tables). Namespaces are not imported here: a `using` inside a loaded script
// stays in that script, so each notebook lists its own.
#r "kit/StockAgent.dll"
#r "kit/Plotly.NET.dll"
#r "kit/Plotly.NET.CSharp.dll"
#r "kit/Microsoft.Data.Analysis.dll"
#r "kit/Plotly.NET.Interactive.dll"
#r "kit/Microsoft.Data.Analysis.Interactive.dll"

StockAgent.Agents.TorchNative.EnsureLoaded();
foreach (Microsoft.DotNet.Interactive.IKernelExtension extension in new object[]
         { new Plotly.NET.Interactive.FormatterKernelExtension(), new Microsoft.Data.Analysis.Interactive.DataFrameKernelExtension() })
    await extension.OnLoadAsync(Microsoft.DotNet.Interactive.Kernel.Root);
