using StockAgent.Agents;
using TorchSharp;

// One forward pass of the kit's policy network; prints what loaded and the action probabilities.
var spec = new PolicyNetworkSpec { Inputs = 22, Hidden = [16, 16], LoraRank = 4 };
torch.manual_seed(3);
using var network = new PolicyNetwork(spec);
using var observations = torch.randn(5, spec.Inputs);
using var probabilities = torch.nn.functional.softmax(network.forward(observations), 1);
var values = probabilities.data<float>().ToArray();
Console.WriteLine($"shim: {TorchNative.LoadedShim ?? "(loaded by TorchSharp itself)"}");
Console.WriteLine($"probabilities: {probabilities.shape[0]}x{probabilities.shape[1]}, row sums {string.Join(" ", Enumerable.Range(0, 5).Select(r => values.Skip(r * 3).Take(3).Sum().ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");
return values.All(float.IsFinite) ? 0 : 1;
