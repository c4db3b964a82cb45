using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

public static class PlaygroundDefinitions
{
    public static PlaygroundSettings ToSettings(ExperimentDefinition definition) => throw new NotImplementedException();
}
