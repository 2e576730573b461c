using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class SubProjectConfiguration : IEntityTypeConfiguration<SubProject>
{
    public void Configure(EntityTypeBuilder<SubProject> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20).IsRequired();

        // An application-managed token: SQLite has no rowversion, and one rule for both
        // providers keeps conflict handling the same everywhere.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Overview).HasMaxLength(4000);
        builder.Property<string?>("DirectionsText").HasColumnName("Directions").HasMaxLength(4000);
        builder.Ignore(s => s.Period);
        builder.Ignore(s => s.Directions);
        builder.HasOne(s => s.LeadDepartment).WithMany().HasForeignKey(s => s.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.ActionItems).WithOne(a => a.SubProject).HasForeignKey(a => a.SubProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.BudgetLines).WithOne(b => b.SubProject).HasForeignKey(b => b.SubProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.SharingDepartments).WithOne().HasForeignKey(d => d.SubProjectId).OnDelete(DeleteBehavior.Cascade);

        // Codes are unique within a plan; the plan is reached through the task, so the
        // domain checks that rule and the index keeps codes unique per task at least.
        builder.HasIndex(s => new { s.TaskId, s.Code }).IsUnique();
    }
}

public sealed class SubProjectSharingConfiguration : IEntityTypeConfiguration<SubProjectSharing>
{
    public void Configure(EntityTypeBuilder<SubProjectSharing> builder)
    {
        builder.ToTable("SubProjectSharingDepartments");
        builder.HasKey(s => new { s.SubProjectId, s.DepartmentId });
        builder.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.Property(a => a.TableUnitCaption).HasMaxLength(50);
        builder.Property<string?>("DetailsText").HasColumnName("Details").HasMaxLength(8000);
        builder.Ignore(a => a.Period);
        builder.Ignore(a => a.Details);
        builder.HasMany(a => a.Indicators).WithOne(i => i.ActionItem).HasForeignKey(i => i.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Milestones).WithOne(m => m.ActionItem).HasForeignKey(m => m.ActionItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> builder)
    {
        builder.ToTable("PlanRevisions");
        builder.Property(r => r.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Label).HasMaxLength(300).IsRequired();
        builder.Property(r => r.OldValue).HasMaxLength(2000);
        builder.Property(r => r.NewValue).HasMaxLength(2000);
        builder.Property(r => r.Reason).HasMaxLength(PlanRevision.ReasonMaxLength).IsRequired();
        builder.Property(r => r.ChangedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<BasicPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<SubProject>().WithMany().HasForeignKey(r => r.SubProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.ChangedAtUtc });
        builder.HasIndex(r => new { r.SubProjectId, r.Year });
    }
}
