using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Group).HasMaxLength(200);
        builder.Property(i => i.TotalText).HasMaxLength(TargetValue.TextMaxLength);
        builder.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("IndicatorTargets");
        builder.Property(t => t.Text).HasMaxLength(TargetValue.TextMaxLength);
        builder.Ignore(t => t.Value);
        builder.HasIndex(t => new { t.IndicatorId, t.Year }).IsUnique();
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Label).HasMaxLength(200);
        builder.HasMany(m => m.Entries).WithOne().HasForeignKey(e => e.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MilestoneEntryConfiguration : IEntityTypeConfiguration<MilestoneEntry>
{
    public void Configure(EntityTypeBuilder<MilestoneEntry> builder)
    {
        builder.ToTable("MilestoneEntries");
        builder.Property(e => e.Text).HasMaxLength(2000).IsRequired();
        builder.Ignore(e => e.Lines);
        builder.HasIndex(e => new { e.MilestoneId, e.Year }).IsUnique();
    }
}
